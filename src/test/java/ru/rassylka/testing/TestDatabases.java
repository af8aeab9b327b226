package ru.rassylka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the PostgreSQL databases of the integration tests afresh, once per test run and before
 * any server starts; the migrations then build their schema. Active only where the build names
 * the databases (failsafe), so unit tests need no database. When the build runs the tests on the
 * embedded H2 database ({@code -Dtest.db=h2}) it removes the H2 files of the last run instead.
 */
public class TestDatabases implements LauncherSessionListener {

    static final String NAMES = "rassylka.testDb.names";
    static final String H2_DIRS = "rassylka.testDb.h2Dirs";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (onH2()) {
            for (String dir : System.getProperty(H2_DIRS, "").split(",")) {
                if (!dir.isBlank()) {
                    deleteTree(Path.of(dir));
                }
            }
            return;
        }
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
            throw new IllegalStateException(
                    "The test databases could not be created at " + url("postgres") + "; is PostgreSQL running?", e);
        }
    }

    /** Whether the build runs the integration tests on the embedded H2 database instead of PostgreSQL. */
    public static boolean onH2() {
        return "h2".equals(System.getProperty("rassylka.testDb.kind"));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The H2 files of the last run could not be removed from " + dir, e);
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
