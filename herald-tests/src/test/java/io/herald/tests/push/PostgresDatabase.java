package io.herald.tests.push;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, randomly named database on the PostgreSQL of this machine (127.0.0.1:5432, user postgres,
 * trust auth), dropped on close together with any connection a killed node left open.
 */
final class PostgresDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    static PostgresDatabase create() throws SQLException {
        String name = "herald_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    String jdbcUrl() {
        return SERVER + name + "?user=" + USER;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
