package io.herald.push.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Takes due rows of a queue table ({@code id}, {@code due_at}, {@code attempts}) for a lease: each row
 * read as due is taken with an update that only matches while it is still due with the attempts that
 * were read, so a row another node took in between updates nothing and is left out. Every row is
 * claimed by one node at a time on H2 and PostgreSQL alike, without locking reads.
 */
final class Leases {

    private Leases() {
    }

    /**
     * @param due rows read as due at {@code now}, each with its attempts before this one
     * @return those this transaction took: their due time is now past the lease, their attempts one more
     */
    static <T> List<T> take(Connection c, String table, List<T> due, ToLongFunction<T> id, ToIntFunction<T> attempts,
                            long now, long leaseMillis) throws SQLException {
        List<T> sorted = new ArrayList<>(due);
        // In id order, so two nodes taking overlapping rows wait for each other instead of deadlocking.
        sorted.sort(Comparator.comparingLong(id));
        int[] updated;
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET due_at = ?, attempts = ? "
                + "WHERE id = ? AND due_at <= ? AND attempts = ?")) {
            for (T row : sorted) {
                s.setLong(1, now + leaseMillis);
                s.setInt(2, attempts.applyAsInt(row) + 1);
                s.setLong(3, id.applyAsLong(row));
                s.setLong(4, now);
                s.setInt(5, attempts.applyAsInt(row));
                s.addBatch();
            }
            updated = s.executeBatch();
        }
        List<T> taken = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (updated[i] == 1) {
                taken.add(sorted.get(i));
            }
        }
        return taken;
    }
}
