package io.herald.push.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;

/** Small JDBC helpers shared by the push tables' classes. */
final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Binds {@code values} from parameter {@code first} on; returns the next free parameter. */
    static int bind(PreparedStatement s, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String value : values) {
            s.setString(i++, value);
        }
        return i;
    }

    /** Runs an INSERT, UPDATE or DELETE with string parameters; how many rows it changed. */
    static int update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, Arrays.asList(params));
            return s.executeUpdate();
        }
    }

    /** Runs {@code sql} with the parameters ({@code first}, {@code second}, each of {@code thirds}), in one batch. */
    static void batchEach(Connection c, String sql, String first, String second, Collection<String> thirds)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String third : thirds) {
                s.setString(1, first);
                s.setString(2, second);
                s.setString(3, third);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The first column of the first row of a {@code SELECT COUNT(*)} with string parameters. */
    static int count(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, Arrays.asList(params));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Whether a query with string parameters finds a row. */
    static boolean exists(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, Arrays.asList(params));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** A unique or primary key was violated (the same SQLSTATE on H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
