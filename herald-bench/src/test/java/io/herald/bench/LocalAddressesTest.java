package io.herald.bench;

import static io.herald.bench.Bench.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.TestServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {

    @Test
    void rotatesOverTheLoopbackAddressesInTurn() {
        LocalAddresses addresses = LocalAddresses.loopback(3);

        assertThat(addresses.forConnection(0)).isEqualTo(new InetSocketAddress("127.0.0.1", 0));
        assertThat(addresses.forConnection(1)).isEqualTo(new InetSocketAddress("127.0.0.2", 0));
        assertThat(addresses.forConnection(2)).isEqualTo(new InetSocketAddress("127.0.0.3", 0));
        assertThat(addresses.forConnection(3)).isEqualTo(new InetSocketAddress("127.0.0.1", 0));
    }

    @Test
    void oneAddressLeavesTheChoiceToTheKernel() {
        assertThat(LocalAddresses.loopback(1).forConnection(7)).isNull();
    }

    @Test
    void refusesCountsOutsideOneSubnet() {
        assertThatThrownBy(() -> LocalAddresses.loopback(0)).hasMessageContaining("between 1 and 254");
        assertThatThrownBy(() -> LocalAddresses.loopback(255)).hasMessageContaining("between 1 and 254");
    }

    @Test
    void chosenCountKeepsEachLoopbackAddressAt5000ConnectionsOrFewer() {
        assertThat(LocalAddresses.countFor(19_000, List.of("127.0.0.1"))).isEqualTo(4);
        assertThat(LocalAddresses.countFor(5_000, List.of("127.0.0.1", "127.0.0.1"))).isEqualTo(1);
        assertThat(LocalAddresses.countFor(5_001, List.of("127.0.0.1"))).isEqualTo(2);
        assertThat(LocalAddresses.countFor(10_000_000, List.of("127.0.0.1"))).isEqualTo(254);
    }

    @Test
    void chosenCountBindsNothingWhenAServerIsNotOnLoopback() {
        assertThat(LocalAddresses.countFor(19_000, List.of("127.0.0.1", "192.0.2.7"))).isEqualTo(1);
        assertThat(LocalAddresses.countFor(19_000, List.of("::1"))).isEqualTo(1);
    }

    @Test
    void settingsChooseTheCountOnlyWhenItIsZero() {
        BenchTarget target = new BenchTarget("127.0.0.1", 6001, "app-id", "app-key", "app-secret");
        assertThat(withLocalAddresses(target, 0).localAddressesFor(19_000)).isEqualTo(4);
        assertThat(withLocalAddresses(target, 3).localAddressesFor(19_000)).isEqualTo(3);
        assertThat(withLocalAddresses(target, 1).localAddressesFor(19_000)).isEqualTo(1);
    }

    private static BenchSettings withLocalAddresses(BenchTarget target, int count) {
        return new BenchSettings(target, 1, 20_000, 1, count, true, 100, Duration.ofSeconds(5), Duration.ofSeconds(1),
                null, 0);
    }

    @Test
    void connectionsBoundToSeveralSourceAddressesAllSubscribe() throws Exception {
        try (TestServer server = TestServer.start()) {
            BenchSettings s = Bench.settings(server);
            BenchSettings rotating = new BenchSettings(s.target(), 1, s.perWorker(), 1, 4, true, s.concurrency(),
                    s.timeout(), s.drain(), null, 0);

            Report report = ConnectionsScenario.run(rotating, new ConnectionsScenario.Options(8, 1, Duration.ZERO));

            assertThat(report.errors()).isEmpty();
            assertThat(count(report, "connections.subscribed")).isEqualTo(8);
        }
    }
}
