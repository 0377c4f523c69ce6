package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublicChannelTest {

    @Test
    void connectsAndReportsStatesAndSocketId() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(client.socketId()).matches("\\d+\\.\\d+");
            client.disconnect();
            ConnectionStateChange change = recorder.awaitState(ConnectionState.DISCONNECTED);
            assertThat(change.previous()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(client.socketId()).isNull();
        }
    }

    @Test
    void deliversPublishedEventsToChannelAndClientBindings() throws InterruptedException {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            BlockingQueue<PusherEvent> onChannel = new LinkedBlockingQueue<>();
            BlockingQueue<PusherEvent> onClient = new LinkedBlockingQueue<>();
            Channel channel = Clients.subscribed(client, recorder, "news");
            channel.bind("flash", onChannel::add);
            client.bind("flash", onClient::add);
            assertThat(channel.isSubscribed()).isTrue();

            Clients.publish(server, "news", "flash", "{\"a\":1}");

            PusherEvent event = onChannel.poll(10, TimeUnit.SECONDS);
            assertThat(event).isEqualTo(new PusherEvent("flash", "news", "{\"a\":1}", null));
            assertThat(onClient.poll(10, TimeUnit.SECONDS)).isEqualTo(event);
            assertThat(recorder.awaitEvent("flash")).isEqualTo(event);
        }
    }

    @Test
    void stopsDeliveringAfterUnbindAndUnsubscribe() throws InterruptedException {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            BlockingQueue<PusherEvent> onChannel = new LinkedBlockingQueue<>();
            EventListener listener = onChannel::add;
            Channel channel = Clients.subscribed(client, recorder, "news").bind("flash", listener);
            channel.unbind("flash", listener);
            Clients.publish(server, "news", "flash", "1");
            recorder.awaitEvent("flash");
            assertThat(onChannel).isEmpty();

            client.unsubscribe("news");
            assertThat(client.channel("news")).isNull();
            Clients.subscribed(client, recorder, "other");  // the unsubscribe reached the server before this
            Clients.publish(server, "news", "flash", "2");
            Clients.publish(server, "other", "marker", "3");
            recorder.awaitEvent("marker");
            recorder.assertNoEvent("flash", Duration.ofMillis(200));
        }
    }

    @Test
    void subscribesChannelsRequestedBeforeConnecting() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start();
             HeraldRealtime client = new HeraldRealtime(Clients.options(server).build())) {
            client.subscribe("early", recorder);
            client.addConnectionListener(recorder).bindGlobal(recorder);
            client.connect();
            recorder.awaitSubscribed("early");
            Clients.publish(server, "early", "hello", "x");
            assertThat(recorder.awaitEvent("hello").data()).isEqualTo("x");
        }
    }

    @Test
    void isolatesAThrowingListener() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            Clients.subscribed(client, recorder, "news").bind("flash", event -> {
                throw new IllegalStateException("listener bug");
            });
            Clients.publish(server, "news", "flash", "1");
            assertThat(recorder.awaitEvent("flash").data()).isEqualTo("1");
        }
    }

    @Test
    void rejectsInvalidChannelNamesAndClientEventsOnPublicChannels() {
        ClientRecorder recorder = new ClientRecorder();
        try (TestServer server = TestServer.start(); HeraldRealtime client = Clients.connected(server, recorder)) {
            assertThatThrownBy(() -> client.subscribe("bad name")).isInstanceOf(IllegalArgumentException.class);
            Channel channel = Clients.subscribed(client, recorder, "news");
            assertThatThrownBy(() -> channel.trigger("client-x", "{}")).isInstanceOf(IllegalStateException.class);
        }
    }
}
