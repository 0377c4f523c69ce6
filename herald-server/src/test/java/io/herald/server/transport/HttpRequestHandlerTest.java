package io.herald.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.RequestSigning;
import io.herald.protocol.TestVectors;
import io.herald.protocol.TestVectors.RequestSigningVector;
import io.herald.server.api.ApiService;
import io.herald.server.app.App;
import io.herald.server.app.StaticAppStore;
import io.herald.server.channel.ChannelRegistries;
import io.herald.server.cluster.LocalAdapter;
import io.herald.server.config.ServerOptions;
import io.herald.server.session.ClientMessageHandler;
import io.herald.server.session.ConnectionRegistry;
import io.herald.server.session.SessionEvents;
import io.herald.server.session.SocketIds;
import io.herald.server.session.Watchlists;
import io.herald.server.user.UserRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP stages in memory, wired as {@link HeraldChannelInitializer} wires them: health and
 * readiness for load balancers, the API, and the count of unanswered requests that a graceful
 * shutdown waits on.
 */
class HttpRequestHandlerTest {

    /** The published worked example: app 3, signed at {@code auth_timestamp} 1353088179. */
    private static final RequestSigningVector VECTOR = TestVectors.requestSigning().get(0);
    private static final App APP = App.of("3", VECTOR.key(), VECTOR.secret());

    private final ServerState state = newState();
    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(),
            new InFlightRequests(state.apiInFlight), new HttpObjectAggregator(state.options.maxRequestSize()),
            new HttpRequestHandler(state));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void readyIs200UntilTheServerIsMarkedNotReadyThen503() {
        assertThat(exchange("GET /ready HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 OK").endsWith("{\"ready\":true}");

        state.markNotReady();

        assertThat(exchange("GET /ready HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 503 Service Unavailable").endsWith("{\"ready\":false}");
    }

    @Test
    void healthStays200WhileShuttingDown() {
        state.markNotReady();

        assertThat(exchange("GET /health HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 OK").endsWith("{\"status\":\"ok\"}");
    }

    @Test
    void anUnknownPathIs404() {
        assertThat(exchange("GET /nope HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 404 Not Found").contains("/nope");
    }

    @Test
    void aWebSocketPathWithoutUpgradeIs400() {
        assertThat(exchange("GET /app/key?protocol=7 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
    }

    @Test
    void acceptsThePublishedSigningExampleAndCountsItAsFinished() {
        String response = exchange(trigger(VECTOR.signature()));

        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("application/json");
        assertThat(state.apiRequestsInFlight()).as("graceful shutdown waits on this counter").isZero();
    }

    @Test
    void aSignatureOffByOneCharacterIs401() {
        String wrong = VECTOR.signature().substring(0, 63) + (VECTOR.signature().endsWith("0") ? "1" : "0");

        String response = exchange(trigger(wrong));

        assertThat(response).startsWith("HTTP/1.1 401 Unauthorized");
        assertThat(state.apiRequestsInFlight()).isZero();
    }

    @Test
    void aRequestCountsAsInFlightFromItsHeadersUntilItsResponse() {
        String request = trigger(VECTOR.signature());
        int split = request.length() - 10;

        channel.writeInbound(Unpooled.copiedBuffer(request.substring(0, split), StandardCharsets.UTF_8));
        assertThat(state.apiRequestsInFlight()).as("body still arriving").isEqualTo(1);
        assertThat((Object) channel.readOutbound()).isNull();

        assertThat(exchange(request.substring(split))).startsWith("HTTP/1.1 200 OK");
        assertThat(state.apiRequestsInFlight()).isZero();
    }

    @Test
    void aContinueDoesNotEndTheRequest() {
        String request = trigger(VECTOR.signature()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
        int bodyStart = request.indexOf("\r\n\r\n") + 4;

        assertThat(exchange(request.substring(0, bodyStart))).startsWith("HTTP/1.1 100 Continue");
        assertThat(state.apiRequestsInFlight()).isEqualTo(1);

        assertThat(exchange(request.substring(bodyStart))).startsWith("HTTP/1.1 200 OK");
        assertThat(state.apiRequestsInFlight()).isZero();
    }

    @Test
    void aRequestCutOffByTheClientIsNoLongerCounted() {
        String request = trigger(VECTOR.signature());
        channel.writeInbound(Unpooled.copiedBuffer(request.substring(0, request.length() - 10), StandardCharsets.UTF_8));
        assertThat(state.apiRequestsInFlight()).isEqualTo(1);

        channel.close();

        assertThat(state.apiRequestsInFlight()).isZero();
    }

    @Test
    void pipelinedRequestsAreEachCounted() {
        String twice = "GET /health HTTP/1.1\r\n\r\n".repeat(2);

        assertThat(exchange(twice)).containsPattern("(?s)200 OK.*200 OK");
        assertThat(state.apiRequestsInFlight()).isZero();
    }

    /** The worked example's request, with {@code signature} as its {@code auth_signature}. */
    private static String trigger(String signature) {
        String query = RequestSigning.AUTH_KEY + "=" + VECTOR.key()
                + "&" + RequestSigning.AUTH_TIMESTAMP + "=" + VECTOR.timestamp()
                + "&" + RequestSigning.AUTH_VERSION + "=" + RequestSigning.VERSION
                + "&" + RequestSigning.BODY_MD5 + "=" + VECTOR.bodyMd5()
                + "&" + RequestSigning.AUTH_SIGNATURE + "=" + signature;
        int length = VECTOR.body().getBytes(StandardCharsets.UTF_8).length;
        return VECTOR.method() + " " + VECTOR.path() + "?" + query + " HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + VECTOR.body();
    }

    /** Writes one raw request and returns the raw response the pipeline wrote back. */
    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        channel.runPendingTasks();
        StringBuilder response = new StringBuilder();
        for (ByteBuf part; (part = channel.readOutbound()) != null; part.release()) {
            response.append(part.toString(StandardCharsets.UTF_8));
        }
        assertThat(response).as("response to %s", request.lines().findFirst().orElse("")).isNotEmpty();
        return response.toString();
    }

    private static ServerState newState() {
        ServerOptions options = ServerOptions.builder().apps(List.of(APP)).build();
        StaticAppStore apps = new StaticAppStore(options.apps());
        ChannelRegistries registries = new ChannelRegistries();
        UserRegistry users = new UserRegistry();
        LocalAdapter adapter = new LocalAdapter(registries, users, ServerOptions.DEFAULT_CACHE_TTL);
        Clock signedAt = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(VECTOR.timestamp())), ZoneOffset.UTC);
        return new ServerState(options, apps, new ConnectionRegistry(), new SocketIds(),
                new ClientMessageHandler(registries, adapter, SessionEvents.NONE, new Watchlists(adapter, users)), new ApiService(apps, adapter, signedAt));
    }
}
