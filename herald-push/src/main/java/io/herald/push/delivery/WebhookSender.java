package io.herald.push.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.push.data.QueuedWebhook;
import io.herald.server.webhook.StatusOnly;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Posts one webhook: its JSON body and its own headers (an instance webhook's ids and signature) to
 * its URL, with the URL's user info (as Beams' docs suggest, {@code https://user:password@host/path})
 * sent as Basic credentials rather than in the request line. A post succeeds when answered 2xx within {@link #TIMEOUT}, as Beams expects of the
 * receiving server ({@link StatusOnly}: the answer's body is not read).
 */
final class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    WebhookSender(HttpClient http) {
        this.http = http;
    }

    /** @return {@code null} when the post was accepted, else what went wrong */
    CompletableFuture<String> post(QueuedWebhook webhook) {
        HttpRequest request;
        try {
            request = request(webhook);
        } catch (URISyntaxException | JsonProcessingException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture("unsendable: " + e.getMessage()); // checked when queued; kept safe
        }
        return StatusOnly.send(http, request).handle((status, failure) -> {
            if (failure != null) {
                return failure.getCause() != null ? failure.getCause().toString() : failure.toString();
            }
            return status >= 200 && status < 300 ? null : "answered " + status;
        });
    }

    private static HttpRequest request(QueuedWebhook webhook) throws URISyntaxException, JsonProcessingException {
        URI url = new URI(webhook.url());
        HttpRequest.Builder builder = HttpRequest.newBuilder(withoutUserInfo(url))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "pusher-webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(webhook.body(), StandardCharsets.UTF_8));
        if (webhook.headers() != null) {
            JSON.readTree(webhook.headers()).fields().forEachRemaining(h -> builder.header(h.getKey(), h.getValue().asText()));
        }
        if (url.getUserInfo() != null) { // decoded: user:password
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(url.getUserInfo().getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    /** The URL to request: scheme, host, port, path and query as given (still encoded), no user info or fragment. */
    private static URI withoutUserInfo(URI url) throws URISyntaxException {
        String hostAndPort = url.getRawUserInfo() == null ? url.getRawAuthority()
                : url.getRawAuthority().substring(url.getRawUserInfo().length() + 1); // user:password@
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new URI(url.getScheme() + "://" + hostAndPort + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }
}
