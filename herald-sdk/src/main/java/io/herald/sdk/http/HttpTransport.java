package io.herald.sdk.http;

import io.herald.protocol.RequestSigning;
import io.herald.sdk.ApiResponse;
import io.herald.sdk.HeraldRestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the Channels HTTP API's signed requests through {@link JsonHttp}. Proxy, timeout, TLS and
 * keep-alive come from {@link HeraldRestOptions}. Internal to the SDK.
 */
public final class HttpTransport {

    private final HeraldRestOptions options;
    private final Clock clock;
    private final JsonHttp http;

    public HttpTransport(HeraldRestOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.http = new JsonHttp(options.baseUri(), options.requestTimeout(), options.proxy(), options.keepAlive(),
                options.sslContext());
    }

    /**
     * Signs and sends {@code method path?query} with {@code body} (JSON, or {@code null}); the path
     * is absolute, e.g. {@code /apps/1/events}.
     */
    public CompletableFuture<ApiResponse> send(String method, String path, Map<String, String> query, String body) {
        Map<String, String> signed = RequestSigning.signedQuery(options.key(), options.secret(), method, path, query,
                body, clock.instant().getEpochSecond());
        URI uri = options.baseUri().resolve(path + "?" + RequestSigning.encodeQuery(signed));
        return http.send(method, uri, path, HttpRequest.newBuilder(), body);
    }
}
