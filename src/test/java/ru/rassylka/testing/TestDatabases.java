package ru.rassylka.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the PostgreSQL databases of the integration tests afresh, once per test run and before
 * any server starts; the migrations then build their schema. Active only where the build names
 * the databases (failsafe), so unit tests need no database.
 */
public class TestDatabases implements LauncherSessionListener {

    static final String NAMES = "rassylka.testDb.names";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String names = System.getProperty(NAMES);
        if (names == null || names.isBlank()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            for (String name : names.split(",")) {
                statement.execute("drop database if exists " + quoted(name) + " with (force)");
                statement.execute("create database " + quoted(name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test databases could not be created at " + url("postgres")
                    + "; is PostgreSQL running?", e);
        }
    }

    /** A JDBC URL of a database on the test server. */
    public static String url(String database) {
        return "jdbc:postgresql://" + System.getProperty("rassylka.testDb.host", "127.0.0.1") + ":"
                + System.getProperty("rassylka.testDb.port", "5432") + "/" + database;
    }

    public static String user() {
        return System.getProperty("rassylka.testDb.user", "postgres");
    }

    public static String password() {
        return System.getProperty("rassylka.testDb.password", "");
    }

    private static String quoted(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return '"' + name + '"';
    }
}
