package io.herald.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A throwaway database on the PostgreSQL at 127.0.0.1:5432 (user {@code postgres}, trust auth; CI
 * starts it), created with a random name and dropped on close. {@code HERALD_TEST_POSTGRES} may name
 * another server as {@code host:port}.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String SERVER = System.getenv().getOrDefault("HERALD_TEST_POSTGRES", "127.0.0.1:5432");

    private final String name;

    private TestPostgres(String name) {
        this.name = name;
    }

    public static TestPostgres create() {
        String name = "herald_test_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + name);
        return new TestPostgres(name);
    }

    /** The JDBC URL of this database. */
    public String url() {
        return urlAt(SERVER);
    }

    /** The JDBC URL of this database reached through {@code hostAndPort} (a relay to {@link #server()}). */
    public String urlAt(String hostAndPort) {
        return "jdbc:postgresql://" + hostAndPort + "/" + name + "?user=postgres";
    }

    /** The PostgreSQL server's {@code host:port}. */
    public static String server() {
        return SERVER;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres?user=postgres")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " (user postgres) is needed for this test: "
                    + e.getMessage(), e);
        }
    }
}
