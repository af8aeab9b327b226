import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the EJB timer table of Payara Server in the service's database when it is not there, from
 * the server's own DDL file: instances of a deployment group keep their timers in it but do not
 * create it. Run by setup.sh with the PostgreSQL driver on the class path:
 *
 * <pre>java -cp postgresql.jar TimerTable.java DDL_FILE</pre>
 *
 * The database comes from DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD in the environment.
 */
public class TimerTable {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + env("DB_HOST", null) + ":" + env("DB_PORT", "5432") + "/"
                + env("DB_NAME", "rassylka");
        try (Connection connection = DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""))) {
            if (exists(connection)) {
                System.out.println("The timer table is there");
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(Path.of(args[0])));
            }
            System.out.println("The timer table is created");
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "EJB__TIMER__TBL", null)) {
            return tables.next();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            if (fallback == null) {
                throw new IllegalStateException(name + " is not set");
            }
            return fallback;
        }
        return value;
    }
}
