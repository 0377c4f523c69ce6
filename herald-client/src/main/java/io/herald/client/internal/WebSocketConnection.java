package io.herald.client.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket attempt over the JDK client. Whole text messages and the one close (or failure) are
 * handed to the owner's event executor; the JDK's own threads never run owner code. Sends are chained,
 * because the JDK allows one outstanding send at a time. WebSocket-level pings are answered by the JDK.
 */
public final class WebSocketConnection implements WebSocket.Listener {

    /** Close code reported when the socket failed without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** Receives a connection's messages and its close, on the event executor. */
    public interface Handler {
        void onText(WebSocketConnection connection, String text);

        void onClosed(WebSocketConnection connection, int code, String reason);
    }

    private final Executor events;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private CompletableFuture<WebSocket> sendChain;

    private WebSocketConnection(Executor events, Handler handler) {
        this.events = events;
        this.handler = handler;
    }

    /** Starts the handshake; the outcome arrives through {@code handler}. */
    public static WebSocketConnection open(HttpClient http, URI uri, Duration timeout, Executor events, Handler handler) {
        WebSocketConnection connection = new WebSocketConnection(events, handler);
        connection.sendChain = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, connection);
        connection.sendChain.whenComplete((ws, error) -> {
            if (error != null) {
                connection.closed(ABNORMAL_CLOSURE, describe(error));
            }
        });
        return connection;
    }

    /** Queues a text message behind the ones before it. Call from the event executor only. */
    public void send(String text) {
        sendChain = sendChain.thenCompose(ws -> ws.sendText(text, true));
        sendChain.whenComplete((ws, error) -> {
            if (error != null) {
                closed(ABNORMAL_CLOSURE, "send failed: " + describe(error));
            }
        });
    }

    /** Sends a close frame after the queued messages, then drops the socket; no close is reported. */
    public void close(int code, String reason) {
        closed.set(true);
        sendChain.thenCompose(ws -> ws.sendClose(code, reason))
                .orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((ws, error) -> abort());
    }

    /** Drops the socket at once; no close is reported. */
    public void abort() {
        closed.set(true);
        sendChain.thenAccept(WebSocket::abort);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            post(() -> handler.onText(this, text));
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed(ABNORMAL_CLOSURE, describe(error));
    }

    private void closed(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            post(() -> handler.onClosed(this, code, reason));
        }
    }

    private void post(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            // the client was closed; nobody is listening any more
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof CompletionException
                ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
