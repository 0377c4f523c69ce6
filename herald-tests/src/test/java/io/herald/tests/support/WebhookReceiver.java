package io.herald.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.sdk.webhook.Webhook;
import io.herald.sdk.webhook.WebhookEvent;
import io.herald.sdk.webhook.WebhookValidator;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP webhook receiver on 127.0.0.1 for tests. It checks every request's signature with
 * both herald-sdk's {@link WebhookValidator} and pusher-http-java's {@code validateWebhookSignature},
 * records it, and queues the events of the requests it accepted. It can refuse the first requests
 * (503), hang without ever answering, never end an answer, or go down (connections refused) and come back on the same port,
 * to play a failing or dead endpoint.
 */
public final class WebhookReceiver implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * One request as received, with both libraries' verdicts on its signature; {@code answeredWith} is
     * 0 for a request left unanswered, {@code id} the {@code X-Herald-Webhook-Id} header.
     */
    public record Delivery(String id, String key, String signature, String contentType, String body, int answeredWith,
                           boolean heraldValid, Validity pusherValidity) {
    }

    private final App app;
    private final int port;
    private volatile HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Object answering = new Object();
    private final WebhookValidator heraldValidator;
    private final Pusher pusher;
    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger stallNext = new AtomicInteger();
    private final AtomicInteger dribbleNext = new AtomicInteger();
    /** Released when the receiver goes down or closes: unanswered requests end then. */
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hang;

    private WebhookReceiver(App app) {
        this.app = app;
        this.heraldValidator = WebhookValidator.of(app.key(), app.secret());
        this.pusher = new Pusher(app.id(), app.key(), app.secret());
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            http.createContext("/", this::handle);
            http.setExecutor(executor);
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A receiver validating with {@code app}'s key and secret. */
    public static WebhookReceiver start(App app) {
        return new WebhookReceiver(app);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    /** An endpoint pointing here for {@code types}, every channel. */
    public WebhookEndpoint endpoint(WebhookType... types) {
        return WebhookEndpoint.of(url(), types);
    }

    /** An endpoint pointing here for every type. */
    public WebhookEndpoint endpointForAll() {
        return endpoint(WebhookType.values());
    }

    /** Answers the next {@code n} requests with 503. */
    public void refuseNext(int n) {
        refuseNext.set(n);
    }

    /** Leaves the next {@code n} requests unanswered (until closed), so the sender times out. */
    public void stallNext(int n) {
        stallNext.set(n);
    }

    /** Answers the next {@code n} requests 200 with a body that never ends (a byte every 100 ms, until closed). */
    public void dribbleNext(int n) {
        dribbleNext.set(n);
    }

    /** Stops listening: connections are refused and unanswered requests end, as when the receiver's process dies. */
    public void goDown() {
        server.stop(0);
        released.countDown();
    }

    /** Listens again on the same port, answering normally. */
    public void comeBack() {
        released = new CountDownLatch(1);
        hang = false;
        stallNext.set(0);
        server = listen(port);
    }

    /** Never answers from now on (until closed): a dead endpoint that keeps connections open. */
    public void hang() {
        hang = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            boolean stall = hang || stallNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            String key = exchange.getRequestHeaders().getFirst("X-Pusher-Key");
            String signature = exchange.getRequestHeaders().getFirst("X-Pusher-Signature");
            String body = new String(bytes, StandardCharsets.UTF_8);
            int status = stall ? 0 : refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            Webhook webhook = heraldValidator.validate(key, signature, bytes);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Herald-Webhook-Id"), key, signature,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status, webhook.isValid(),
                    pusher.validateWebhookSignature(key, signature, body)));
            if (stall) {
                released.await();
                return;
            }
            // Answered and recorded under one lock: the sender's next request may be handled on another
            // thread as soon as this one is answered, and its events must not overtake these; and only
            // answered events count (one the receiver went down on will be sent again).
            boolean dribble = status == 200 && dribbleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            synchronized (answering) {
                exchange.sendResponseHeaders(status, dribble ? 0 : -1);
                if (status == 200 && webhook.isValid()) {
                    events.addAll(webhook.events());
                }
            }
            while (dribble && !released.await(100, TimeUnit.MILLISECONDS)) {
                exchange.getResponseBody().write('.');
                exchange.getResponseBody().flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next accepted event, failing if none arrives within {@link #TIMEOUT}. */
    public WebhookEvent nextEvent() {
        return nextEvent(TIMEOUT);
    }

    public WebhookEvent nextEvent(Duration timeout) {
        try {
            WebhookEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("a webhook event within %d ms", timeout.toMillis()).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next accepted event, which must equal {@code expected}. */
    public void expect(WebhookEvent expected) {
        assertThat(nextEvent()).isEqualTo(expected);
    }

    /** Asserts that no further event is accepted for {@code quiet}. */
    public void assertNoEvent(Duration quiet) {
        try {
            assertThat(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).as("expected no webhook event").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every request received so far. */
    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** Asserts every request so far carried the app's key, a JSON content type and a valid signature. */
    public void assertAllSignedCorrectly() {
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.key()).isEqualTo(app.key());
            assertThat(d.contentType()).startsWith("application/json");
            assertThat(d.heraldValid()).as("herald-sdk verdict on %s", d.body()).isTrue();
            assertThat(d.pusherValidity()).as("pusher-http-java verdict on %s", d.body()).isEqualTo(Validity.VALID);
        });
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
