package io.herald.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.herald.sdk.ApiResponse;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldNetworkException;
import io.herald.sdk.HeraldTimeoutException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests with the JDK {@link HttpClient} and turns the answers into {@link ApiResponse}s
 * or the SDK's exceptions: a non-2xx status is a {@link HeraldHttpException}, no answer a
 * {@link HeraldNetworkException} ({@link HeraldTimeoutException} past the timeout). Successful
 * requests are logged at DEBUG, failed ones at WARN, never with credentials. Shared by the
 * Channels and the Beams clients, which differ only in how they authenticate. Futures complete on the
 * HttpClient's executor. Internal to the SDK.
 */
public final class JsonHttp {

    private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final URI proxy;
    private final String proxyAuthorization;
    private final SSLContext sslContext;
    private final HttpClient sharedClient;

    /**
     * @param base {@code scheme://host:port[/prefix]}, named in network errors
     * @param timeout for connecting and for each request
     * @param proxy an HTTP proxy, or {@code null} for direct connections; {@code user:password@} in
     *     it is sent as Basic {@code Proxy-Authorization} with every request
     * @param keepAlive whether connections are reused; off opens a fresh connection per request
     * @param sslContext the TLS trust and keys for https, or {@code null} for the JDK's default
     */
    public JsonHttp(URI base, Duration timeout, URI proxy, boolean keepAlive, SSLContext sslContext) {
        this.base = base;
        this.timeout = timeout;
        this.proxy = proxy;
        this.proxyAuthorization = proxy == null || proxy.getUserInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(proxy.getUserInfo().getBytes(StandardCharsets.UTF_8));
        this.sslContext = sslContext;
        this.sharedClient = keepAlive ? newClient() : null;
    }

    /**
     * Sends {@code method} to {@code uri} with the headers already on {@code request} and {@code body}
     * (JSON, or {@code null}). {@code path} is what logs and error messages show: it must not carry
     * credentials or signatures.
     */
    public CompletableFuture<ApiResponse> send(String method, URI uri, String path, HttpRequest.Builder request, String body) {
        request.uri(uri).timeout(timeout);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (proxyAuthorization != null) {
            request.header("Proxy-Authorization", proxyAuthorization);
        }
        long started = System.nanoTime();
        HttpClient client = sharedClient != null ? sharedClient : newClient();
        try {
            return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (error != null) {
                            RuntimeException failure = networkFailure(method, path, error);
                            log.warn("{} {} failed after {} ms: {}", method, path, millis, failure.getMessage());
                            throw failure;
                        }
                        if (isSuccess(response.statusCode())) {
                            log.debug("{} {} -> {} in {} ms", method, path, response.statusCode(), millis);
                        } else {
                            // The status only: an error body may quote the signed request.
                            log.warn("{} {} -> {} in {} ms", method, path, response.statusCode(), millis);
                        }
                        return toResponse(method, path, response);
                    });
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HeraldNetworkException(method + " " + path + ": " + e.getMessage(), e));
        }
    }

    /** The base every path is appended to. */
    public URI base() {
        return base;
    }

    private static ApiResponse toResponse(String method, String path, HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (!isSuccess(status)) {
            throw HeraldHttpException.of(method, path, status, body);
        }
        return new ApiResponse(status, body);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    private RuntimeException networkFailure(String method, String path, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String target = method + " " + base + path;
        if (cause instanceof HttpTimeoutException) {
            return new HeraldTimeoutException(target + " got no answer within " + timeout, cause);
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
                .connectTimeout(timeout);
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }
}
