package io.herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A debug console watching the bench's app while a scenario runs ({@code --watch-console TOKEN}), as
 * an operator's browser would: it logs in on {@code /console/feed} and reads every entry, so a run
 * with it beside a run without it gives what watching costs the server.
 */
final class ConsoleWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final LongAdder entries = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final AtomicReference<String> closed = new AtomicReference<>();

    private ConsoleWatch(BenchTarget target, String token) throws InterruptedException {
        URI feed = URI.create("ws://" + target.host() + ":" + target.port() + "/console/feed");
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(feed, new Listener()).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new BenchException("the console feed at " + feed + " did not open: " + e.getMessage());
        }
        String login = JSON.createObjectNode().put("token", token).put("app", target.appId()).toString();
        socket.sendText(login, true);
    }

    static ConsoleWatch open(BenchTarget target, String token) throws InterruptedException {
        return new ConsoleWatch(target, token);
    }

    /** What it saw: entries received, entries the server said it left out, and a refusal if any. */
    void report(Report report) {
        report.result("console.entries", entries.sum());
        report.result("console.skipped", skipped.sum());
        if (closed.get() != null) {
            report.error("the console feed closed: " + closed.get());
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                count(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void count(String text) {
            try {
                JsonNode entry = JSON.readTree(text);
                if ("skipped".equals(entry.path("type").asText())) {
                    skipped.add(entry.path("count").asLong());
                } else if (!"watching".equals(entry.path("type").asText())) {
                    entries.increment();
                }
            } catch (java.io.IOException e) {
                closed.compareAndSet(null, "an entry that is not JSON: " + text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode != WebSocket.NORMAL_CLOSURE) {
                closed.compareAndSet(null, statusCode + " " + reason);
            }
            return null;
        }
    }
}
