package io.herald.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.herald.sdk.ApiResponse;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldNetworkException;
import io.herald.sdk.HeraldOptions;
import io.herald.sdk.HeraldTimeoutException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signed requests with the JDK {@link HttpClient} and turns answers into {@link ApiResponse}s
 * or the SDK's exceptions. Proxy, timeout, TLS and keep-alive come from {@link HeraldOptions}.
 * Futures complete on the HttpClient's executor. Internal to the SDK.
 */
public final class HttpTransport {

    private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HeraldOptions options;
    private final RequestSigner signer;
    private final Clock clock;
    private final HttpClient sharedClient;

    public HttpTransport(HeraldOptions options, Clock clock) {
        this.options = options;
        this.signer = new RequestSigner(options.key(), options.secret());
        this.clock = clock;
        this.sharedClient = options.keepAlive() ? newClient() : null;
    }

    /**
     * Signs and sends {@code method path?query} with {@code body} (JSON, or {@code null}); the path
     * is absolute, e.g. {@code /apps/1/events}.
     */
    public CompletableFuture<ApiResponse> send(String method, String path, Map<String, String> query, String body) {
        Map<String, String> signed = signer.sign(method, path, query, body, clock.instant().getEpochSecond());
        URI uri = options.baseUri().resolve(path + "?" + RequestSigner.queryString(signed));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.requestTimeout());
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        // With keep-alive off every request gets its own client, hence its own connection.
        HttpClient client = sharedClient != null ? sharedClient : newClient();
        try {
            return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (error != null) {
                            log.debug("{} {} failed after {} ms: {}", method, path, millis, error.toString());
                            throw networkFailure(method, path, error);
                        }
                        log.debug("{} {} -> {} in {} ms", method, path, response.statusCode(), millis);
                        return toResponse(method, path, response);
                    });
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HeraldNetworkException(method + " " + path + ": " + e.getMessage(), e));
        }
    }

    private static ApiResponse toResponse(String method, String path, HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw HeraldHttpException.of(method, path, status, body);
        }
        return new ApiResponse(status, body);
    }

    private RuntimeException networkFailure(String method, String path, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String target = method + " " + options.baseUri() + path;
        if (cause instanceof HttpTimeoutException) {
            return new HeraldTimeoutException(target + " got no answer within " + options.requestTimeout(), cause);
        }
        String reason = cause instanceof IOException && cause.getMessage() == null
                ? cause.getClass().getSimpleName() : String.valueOf(cause.getMessage());
        return new HeraldNetworkException(target + " failed: " + reason, cause);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return TextNode.valueOf(body);
        }
    }

    private HttpClient newClient() {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout());
        URI proxy = options.proxy();
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        return builder.build();
    }
}
