package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FdLimitTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             96365                96365                processes
            Max open files            20000                524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheSoftOpenFilesLimit() {
        assertThat(FdLimit.parse(LIMITS)).hasValue(20000);
    }

    @Test
    void unlimitedOrMissingMeansNoLimit() {
        assertThat(FdLimit.parse(LIMITS.replace("20000  ", "unlimited"))).isEmpty();
        assertThat(FdLimit.parse("Limit Soft Hard\n")).isEmpty();
        assertThat(FdLimit.socketsWithin(OptionalLong.empty())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void keepsDescriptorsInReserveForTheJvm() {
        assertThat(FdLimit.socketsWithin(OptionalLong.of(20000))).isEqualTo(20000 - FdLimit.RESERVED);
    }

    @Test
    void refusesMoreSocketsThanThisProcessMayOpenWithAClearMessage() {
        long limit = FdLimit.of("self").orElseThrow();

        assertThatThrownBy(() -> FdLimit.require("self", limit, "a worker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("open-files limit")
                .hasMessageContaining(Long.toString(limit))
                .hasMessageContaining("--workers");
    }

    @Test
    void workersAreAddedWhenOneProcessCannotHoldAllConnections() {
        BenchSettings settings = BenchSettings.inProcess(new BenchTarget("h", 1, "a", "k", "s"));
        BenchSettings auto = new BenchSettings(settings.target(), 0, 9000, 1, 1, false, 10,
                settings.timeout(), settings.drain(), null, 0);

        assertThat(auto.workersFor(100)).isEqualTo(1);
        assertThat(auto.workersFor(19_000)).isEqualTo(3);
    }
}
