package io.herald.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the embedded store keeps its file under a data directory. Apart from {@link Store} so that
 * asking whether the file is there loads no database classes.
 */
public final class EmbeddedDatabase {

    private static final String NAME = "herald";

    private EmbeddedDatabase() {
    }

    /** Whether {@code dataDirectory} already holds an embedded database (H2 names its file {@code herald.mv.db}). */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(NAME + ".mv.db"));
    }

    /**
     * H2 in PostgreSQL mode, so one set of SQL serves both; {@code AUTO_SERVER} lets a second
     * process on this machine open the same file instead of failing on the lock. {@code WRITE_DELAY=0}
     * writes each commit to the file before the commit returns: by default H2 holds commits for up to
     * 500 ms, and a {@code kill -9} in that window lost a publish already answered 200
     * (PushDurabilityTest).
     */
    static String url(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(NAME);
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }
}
