package io.herald.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the app's auth endpoint, the way pusher-js does: POST {@code socket_id} and {@code channel_name}
 * form-encoded, expect 200 with {@code {"auth", "channel_data"?, "shared_secret"?}}. Extra headers (a
 * session cookie, a bearer token) go with every request. Non-blocking: uses the JDK HTTP client.
 */
public final class HttpChannelAuthorizer implements ChannelAuthorizer {

    /** How long one request to the auth endpoint may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final AuthEndpointClient endpoint;

    /**
     * Asks an endpoint without extra headers.
     *
     * @param endpoint the app's auth URL, e.g. {@code https://example.com/pusher/auth}
     */
    public HttpChannelAuthorizer(URI endpoint) {
        this(endpoint, Map.of());
    }

    /**
     * Asks an endpoint, sending these headers with every request.
     *
     * @param endpoint the app's auth URL
     * @param headers e.g. {@code Authorization} or {@code Cookie}; sent as given
     */
    public HttpChannelAuthorizer(URI endpoint, Map<String, String> headers) {
        this.endpoint = new AuthEndpointClient(endpoint, headers, DEFAULT_TIMEOUT);
    }

    @Override
    public CompletableFuture<AuthorizationResult> authorize(String socketId, String channelName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("socket_id", socketId);
        form.put("channel_name", channelName);
        return endpoint.post(form, channelName).thenApply(body -> {
            try {
                return new AuthorizationResult(AuthEndpointClient.text(body, "auth"),
                        AuthEndpointClient.text(body, "channel_data"), AuthEndpointClient.text(body, "shared_secret"));
            } catch (IllegalArgumentException e) {
                throw new HeraldRealtimeException("auth endpoint sent an unusable answer for " + channelName
                        + ": " + body, e);
            }
        });
    }
}
