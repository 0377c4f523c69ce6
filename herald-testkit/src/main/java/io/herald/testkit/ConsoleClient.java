package io.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A debug console's feed socket ({@code /console/feed}) for tests: logs in with its first message and
 * records the entries (JSON objects). A console made {@linkplain #connectWithoutReading not reading} takes nothing
 * from its socket until {@link #startReading()}, like a stalled browser tab.
 */
public final class ConsoleClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Guarded by itself; notified when an entry arrives. */
    private final List<JsonNode> entries = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    private ConsoleClient(String httpUrl, boolean reading) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(httpUrl.replaceFirst("^http", "ws") + "/console/feed"), new Recorder(reading))
                .orTimeout(RecordingClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Opens the feed socket of the server at {@code httpUrl} and sends {@code firstMessage}. */
    public static ConsoleClient connect(String httpUrl, String firstMessage) {
        ConsoleClient client = new ConsoleClient(httpUrl, true);
        client.socket.sendText(firstMessage, true).join();
        return client;
    }

    /** Logs in to watch {@code appId}; returns once the server confirms ({@code "watching"}). */
    public static ConsoleClient watch(String httpUrl, String token, String appId) {
        ConsoleClient client = connect(httpUrl, login(token, appId));
        client.await(e -> e.path("type").asText().equals("watching"));
        return client;
    }

    /** Logs in to watch {@code appId} and then reads nothing; the login is not awaited. */
    public static ConsoleClient connectWithoutReading(String httpUrl, String token, String appId) {
        ConsoleClient client = new ConsoleClient(httpUrl, false);
        client.socket.sendText(login(token, appId), true).join();
        return client;
    }

    private static String login(String token, String appId) {
        return JSON.createObjectNode().put("token", token).put("app", appId).toString();
    }

    /** The first entry received, before or within {@link RecordingClient#TIMEOUT}, that matches. */
    public JsonNode await(Predicate<JsonNode> wanted) {
        return await(wanted, RecordingClient.TIMEOUT);
    }

    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (entries) {
                for (JsonNode entry : entries) {
                    if (wanted.test(entry)) {
                        return entry;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching console entry within " + timeout + "; got " + entries);
                }
                try {
                    entries.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every entry received so far. */
    public List<JsonNode> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Lets a console made by {@link #connectWithoutReading} read everything that waits. */
    public void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    /** The close code the server sent, waiting up to {@code timeout}. */
    public int closeCode(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Recorder implements WebSocket.Listener {

        private final boolean reading;

        Recorder(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode entry = JSON.readTree(partial.toString());
                    synchronized (entries) {
                        entries.add(entry);
                        entries.notifyAll();
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
