package io.herald.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.server.channel.ChannelRegistries;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ServerOptions;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.user.UserRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapters this module knows by itself: {@code local} only; herald-redis tests the redis one. */
class AdaptersTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void localIsBuiltInAndHasNoSettings() {
        assertThat(Adapters.factories()).extracting(AdapterFactory::name).containsExactly("local");
        assertThat(Adapters.named("local").settings()).isEmpty();
        assertThat(Adapters.settings()).isEmpty();
    }

    @Test
    void buildsTheLocalAdapterByDefault() {
        assertThat(Adapters.create(node(ServerOptions.builder().build()))).isInstanceOf(LocalAdapter.class);
    }

    /** A programmatic configuration is not checked by the loader: the error still names the setting. */
    @Test
    void anAdapterNotOnTheClasspathIsRefusedNamingTheOnesThereAre() {
        assertThatThrownBy(() -> Adapters.create(node(ServerOptions.builder().adapter("nats").build())))
                .isInstanceOf(ConfigException.class).hasMessage("adapter: must be local, was \"nats\"");
    }

    private ClusterNode node(ServerOptions options) {
        return new ClusterNode(options, new ChannelRegistries(), new UserRegistry(), new ConnectionRegistry(), timers);
    }
}
