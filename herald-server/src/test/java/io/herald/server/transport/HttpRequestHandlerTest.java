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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP stages in memory, wired as {@link HeraldChannelInitializer} wires them: health and
 * readiness for load balancers, the API, the count of unanswered requests that a graceful shutdown
 * waits on, and the bounds on what one socket can make the node hold (time, bytes, requests).
 */
class HttpRequestHandlerTest {

    /** The published worked example: app 3, signed at {@code auth_timestamp} 1353088179. */
    private static final RequestSigningVector VECTOR = TestVectors.requestSigning().get(0);
    private static final App APP = App.of("3", VECTOR.key(), VECTOR.secret());

    private final ServerState state = newState(b -> { });
    private final EmbeddedChannel channel = httpChannel(state);

    private static EmbeddedChannel httpChannel(ServerState state) {
        EmbeddedChannel channel = new EmbeddedChannel(false, false);
        HeraldChannelInitializer.addHttpStages(channel, state, null, null);
        try {
            channel.register(); // now active: the stages start their clocks and ask for the first request
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return channel;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void readyIs200UntilTheServerIsMarkedNotReadyThen503() {
        assertThat(exchange("GET /ready HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 OK").endsWith("{\"ready\":true}");

        state.markNotReady();

        assertThat(exchange("GET /ready HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 503 Service Unavailable").endsWith("{\"ready\":false,\"reasons\":[\"draining\"]}");
    }

    @Test
    void healthStays200WhileShuttingDown() {
        state.markNotReady();

        assertThat(exchange("GET /health HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 OK").endsWith("{\"status\":\"ok\",\"version\":\"" + io.herald.protocol.HeraldVersion.current() + "\"}");
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
    void aRequestCountsAsInFlightOnlyOnceWholeSoAHalfSentOneDoesNotHoldAShutdown() {
        String request = trigger(VECTOR.signature());
        int split = request.length() - 10;

        channel.writeInbound(Unpooled.copiedBuffer(request.substring(0, split), StandardCharsets.UTF_8));
        assertThat(state.apiRequestsInFlight()).as("body still arriving").isZero();
        assertThat(state.requestsArriving()).isEqualTo(1);
        assertThat((Object) channel.readOutbound()).isNull();

        assertThat(exchange(request.substring(split))).startsWith("HTTP/1.1 200 OK");
        assertThat(state.apiRequestsInFlight()).isZero();
        assertThat(state.requestsArriving()).isZero();
    }

    @Test
    void aContinueDoesNotEndTheRequest() {
        String request = trigger(VECTOR.signature()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
        int bodyStart = request.indexOf("\r\n\r\n") + 4;

        assertThat(exchange(request.substring(0, bodyStart))).startsWith("HTTP/1.1 100 Continue");

        assertThat(exchange(request.substring(bodyStart))).startsWith("HTTP/1.1 200 OK");
        assertThat(state.apiRequestsInFlight()).isZero();
    }

    @Test
    void aBodyCutOffByTheClientGoesBackToTheBudget() {
        String request = trigger(VECTOR.signature());
        channel.writeInbound(Unpooled.copiedBuffer(request.substring(0, request.length() - 10), StandardCharsets.UTF_8));
        assertThat(state.requestBytes.held()).isEqualTo(VECTOR.body().length());

        channel.close();

        assertThat(state.requestBytes.held()).isZero();
        assertThat(state.apiRequestsInFlight()).isZero();
        assertThat(state.requestsArriving()).isZero();
    }

    @Test
    void aBodyOverTheNodeBudgetIs503AtItsHeadersAndTheSocketCloses() {
        ServerState small = newState(b -> b.maxRequestSize(100).requestBufferLimit(199));
        EmbeddedChannel first = httpChannel(small);
        EmbeddedChannel second = httpChannel(small);
        String head = "POST /apps/3/events HTTP/1.1\r\nContent-Length: 100\r\n\r\n";
        try {
            first.writeInbound(Unpooled.copiedBuffer(head + "x".repeat(50), StandardCharsets.UTF_8));
            assertThat(small.requestBytes.held()).isEqualTo(100);

            second.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.UTF_8));

            assertThat(outbound(second)).startsWith("HTTP/1.1 503 Service Unavailable")
                    .contains("connection: close").endsWith("{\"error\":\"" + RequestBodyBuffer.BUSY + "\"}");
            assertThat(second.isOpen()).isFalse();
            assertThat(small.requestBytes.held()).as("only the first body").isEqualTo(100);
        } finally {
            first.finishAndReleaseAll();
            second.finishAndReleaseAll();
        }
        assertThat(small.requestBytes.held()).isZero();
    }

    @Test
    void aRequestNotCompleteWithinTheRequestTimeoutIs408AndTheSocketCloses() {
        channel.writeInbound(Unpooled.copiedBuffer("POST /apps/3/events HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",
                StandardCharsets.UTF_8));

        long half = ServerOptions.DEFAULT_REQUEST_TIMEOUT.toMillis() / 2;
        channel.advanceTimeBy(half, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        channel.advanceTimeBy(half, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(outbound(channel)).startsWith("HTTP/1.1 408 Request Timeout").contains("request-timeout");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anIdleKeepAliveSocketClosesQuietlyAfterTheRequestTimeout() {
        assertThat(exchange("GET /health HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 OK");

        channel.advanceTimeBy(ServerOptions.DEFAULT_REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void theLastQuarterOfTheBudgetIsKeptForSmallBodies() {
        RequestBytes budget = new RequestBytes(4 * RequestBytes.SMALL_BODY * 4);
        int large = RequestBytes.SMALL_BODY * 4;
        io.netty.buffer.ByteBuf first = budget.tryAllocate(large);
        io.netty.buffer.ByteBuf second = budget.tryAllocate(large);
        io.netty.buffer.ByteBuf third = budget.tryAllocate(large);

        assertThat(budget.tryAllocate(large)).as("a fourth large body").isNull();
        io.netty.buffer.ByteBuf small = budget.tryAllocate(RequestBytes.SMALL_BODY);
        assertThat(small).as("a small one still fits").isNotNull();

        for (io.netty.buffer.ByteBuf b : List.of(first, second, third, small)) {
            b.release();
        }
        assertThat(budget.held()).isZero();
        assertThat(budget.refused()).isEqualTo(1);
    }

    @Test
    void moreRequestsAheadOfTheirAnswersThanMaxPipelinedRequestsCloseTheSocket() {
        ServerState state = newState(b -> b.maxPipelinedRequests(3));
        EmbeddedChannel pipelining = httpChannel(state);
        try {
            pipelining.writeInbound(Unpooled.copiedBuffer("GET /health HTTP/1.1\r\n\r\n".repeat(3), StandardCharsets.UTF_8));
            assertThat(pipelining.isOpen()).as("three ahead is allowed").isTrue();
            assertThat(outbound(pipelining)).containsPattern("(?s)200 OK.*200 OK.*200 OK");

            pipelining.writeInbound(Unpooled.copiedBuffer("GET /health HTTP/1.1\r\n\r\n".repeat(4), StandardCharsets.UTF_8));
        } finally {
            pipelining.finishAndReleaseAll();
        }
        assertThat(pipelining.isOpen()).isFalse();
    }

    @Test
    void traceIs405() {
        assertThat(exchange("TRACE /health HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 405 Method Not Allowed");
    }

    @Test
    void anUpgradeWithoutAKeyOrVersionIs400WithAMessage() {
        String upgrade = "GET /app/key?protocol=7 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";

        assertThat(exchange(upgrade + "Sec-WebSocket-Version: 13\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request").contains("Sec-WebSocket-Key");
        assertThat(exchange(upgrade + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request").contains("Sec-WebSocket-Version");
        assertThat(exchange(upgrade + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n"))
                .startsWith("HTTP/1.1 426 Upgrade Required").contains("sec-websocket-version: 13");
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
        String response = outbound(channel);
        assertThat(response).as("response to %s", request.lines().findFirst().orElse("")).isNotEmpty();
        return response;
    }

    private static String outbound(EmbeddedChannel channel) {
        channel.runPendingTasks();
        StringBuilder response = new StringBuilder();
        for (ByteBuf part; (part = channel.readOutbound()) != null; part.release()) {
            response.append(part.toString(StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    static ServerState newState(Consumer<ServerOptions.Builder> settings) {
        ServerOptions.Builder builder = ServerOptions.builder().apps(List.of(APP));
        settings.accept(builder);
        ServerOptions options = builder.build();
        StaticAppStore apps = new StaticAppStore(options.apps());
        ChannelRegistries registries = new ChannelRegistries();
        UserRegistry users = new UserRegistry();
        LocalAdapter adapter = new LocalAdapter(registries, users, ServerOptions.DEFAULT_CACHE_TTL);
        Clock signedAt = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(VECTOR.timestamp())), ZoneOffset.UTC);
        return new ServerState(options, apps, new ConnectionRegistry(), new SocketIds(),
                new ClientMessageHandler(registries, adapter, SessionEvents.NONE, new Watchlists(adapter, users)), new ApiService(apps, adapter, signedAt));
    }
}
