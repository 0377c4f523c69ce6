package io.herald.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection inside one transaction; see {@link Store#transaction(SqlWork)}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
