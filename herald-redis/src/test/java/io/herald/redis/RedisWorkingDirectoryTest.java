package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.RedisSentinelProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/**
 * The Redis servers tests start write nothing into the working directory, which is the module's source
 * tree: a replica's full sync, which stores the master's data as {@code dump.rdb} even without
 * persistence, included.
 */
class RedisWorkingDirectoryTest {

    @Test
    void aReplicasFullSyncLeavesNoDumpInTheWorkingDirectory() throws IOException {
        Path dump = Path.of("dump.rdb").toAbsolutePath();
        FileTime before = lastModified(dump);

        try (RedisSentinelProcesses redis = RedisSentinelProcesses.start()) {
            // start() returns once the replica is in sync with the master
            assertThat(redis.masterPort()).isPositive();
        }

        assertThat(lastModified(dump)).as("%s written", dump).isEqualTo(before);
    }

    private static FileTime lastModified(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    }
}
