package io.herald.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the app's user-auth endpoint, the way pusher-js's {@code userAuthentication} does: POST
 * {@code socket_id} form-encoded, expect 200 with {@code {"auth", "user_data"}} (what the server SDKs'
 * {@code authenticateUser} returns). Extra headers go with every request. Non-blocking.
 */
public final class HttpUserAuthenticator implements UserAuthenticator {

    private final AuthEndpointClient endpoint;

    /**
     * Asks an endpoint without extra headers.
     *
     * @param endpoint the app's user-auth URL, e.g. {@code https://example.com/pusher/user-auth}
     */
    public HttpUserAuthenticator(URI endpoint) {
        this(endpoint, Map.of());
    }

    /**
     * Asks an endpoint, sending these headers with every request; each request may take up to
     * {@link HttpChannelAuthorizer#DEFAULT_TIMEOUT}.
     *
     * @param endpoint the app's user-auth URL
     * @param headers e.g. {@code Authorization} or {@code Cookie}; sent as given
     */
    public HttpUserAuthenticator(URI endpoint, Map<String, String> headers) {
        this.endpoint = new AuthEndpointClient(endpoint, headers, HttpChannelAuthorizer.DEFAULT_TIMEOUT);
    }

    @Override
    public CompletableFuture<UserAuthentication> authenticate(String socketId) {
        return endpoint.post(Map.of("socket_id", socketId), "user sign-in").thenApply(body -> {
            try {
                return new UserAuthentication(AuthEndpointClient.text(body, "auth"),
                        AuthEndpointClient.text(body, "user_data"));
            } catch (IllegalArgumentException e) {
                throw new HeraldRealtimeException("user-auth endpoint sent an unusable answer: " + body, e);
            }
        });
    }
}
