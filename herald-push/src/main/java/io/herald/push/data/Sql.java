package io.herald.push.data;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    /** A unique or primary key was violated (the same SQLSTATE on H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
