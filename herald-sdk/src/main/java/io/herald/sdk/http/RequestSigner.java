package io.herald.sdk.http;

import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Adds {@code auth_key}, {@code auth_timestamp}, {@code auth_version}, {@code body_md5} and
 * {@code auth_signature} to a request's query, through herald-protocol's {@link RequestSigning}.
 * Internal to the SDK.
 */
public final class RequestSigner {

    private final String key;
    private final String secret;

    public RequestSigner(String key, String secret) {
        this.key = key;
        this.secret = secret;
    }

    /**
     * The full signed parameter map for a request at {@code epochSeconds}; {@code body} may be
     * {@code null} or empty (then no {@code body_md5}).
     */
    public Map<String, String> sign(String method, String path, Map<String, String> query, String body, long epochSeconds) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put(RequestSigning.AUTH_KEY, key);
        params.put(RequestSigning.AUTH_TIMESTAMP, Long.toString(epochSeconds));
        params.put(RequestSigning.AUTH_VERSION, RequestSigning.VERSION);
        if (body != null && !body.isEmpty()) {
            params.put(RequestSigning.BODY_MD5, Crypto.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        }
        params.put(RequestSigning.AUTH_SIGNATURE, RequestSigning.signature(secret, method, path, params));
        return params;
    }

    /** {@code k=v&…} with URL-escaped values, for the request line (the signature is over the raw values). */
    public static String queryString(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
