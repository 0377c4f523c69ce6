package io.herald.store;

/**
 * One user's schema migrations: Flyway scripts under {@code location}, recorded in their own history
 * table, so push notifications and (later) apps migrate independently in one database.
 *
 * @param location a Flyway location, such as {@code classpath:db/push}
 * @param historyTable the table recording which of these scripts ran, such as {@code push_schema_history}
 */
public record Migrations(String location, String historyTable) {
}
