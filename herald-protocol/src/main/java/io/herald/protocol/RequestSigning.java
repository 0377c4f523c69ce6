package io.herald.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signing of HTTP API requests: {@code auth_signature} is the hex HMAC-SHA256 of
 * {@code METHOD\nPATH\nQUERY}, where QUERY is every other parameter, keys lower-cased and sorted,
 * joined as {@code k=v&...} without URL escaping. The one implementation: the server verifies with
 * {@link #signature}, and the SDK, the test kit and the bench sign with {@link #signedQuery} and put
 * the result on the request line with {@link #encodeQuery}.
 */
public final class RequestSigning {

    public static final String AUTH_KEY = "auth_key";
    public static final String AUTH_TIMESTAMP = "auth_timestamp";
    public static final String AUTH_VERSION = "auth_version";
    public static final String AUTH_SIGNATURE = "auth_signature";
    public static final String BODY_MD5 = "body_md5";
    public static final String VERSION = "1.0";

    private RequestSigning() {
    }

    public static String stringToSign(String method, String path, Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!lower.equals(AUTH_SIGNATURE)) {
                sorted.put(lower, value);
            }
        });
        StringBuilder text = new StringBuilder(128).append(method.toUpperCase(Locale.ROOT)).append('\n')
                .append(path).append('\n');
        String separator = "";
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            text.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = "&";
        }
        return text.toString();
    }

    public static String signature(String secret, String method, String path, Map<String, String> params) {
        return Crypto.hmacSha256Hex(secret, stringToSign(method, path, params));
    }

    /**
     * {@code query} with {@code auth_key}, {@code auth_timestamp}, {@code auth_version},
     * {@code body_md5} (only for a non-empty body) and {@code auth_signature} added, in that order
     * after the caller's own parameters.
     *
     * @param body the request body, or {@code null} or empty for none
     * @param epochSeconds the request time, Unix seconds
     */
    public static Map<String, String> signedQuery(String key, String secret, String method, String path,
                                                  Map<String, String> query, byte[] body, long epochSeconds) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put(AUTH_KEY, key);
        params.put(AUTH_TIMESTAMP, Long.toString(epochSeconds));
        params.put(AUTH_VERSION, VERSION);
        if (body != null && body.length > 0) {
            params.put(BODY_MD5, Crypto.md5Hex(body));
        }
        params.put(AUTH_SIGNATURE, signature(secret, method, path, params));
        return params;
    }

    /** {@link #signedQuery(String, String, String, String, Map, byte[], long)} for a text body, sent as UTF-8. */
    public static Map<String, String> signedQuery(String key, String secret, String method, String path,
                                                  Map<String, String> query, String body, long epochSeconds) {
        return signedQuery(key, secret, method, path, query,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), epochSeconds);
    }

    /**
     * {@code k=v&…} for the request line, in the map's order, names and values percent-encoded as
     * UTF-8 with a space as {@code %20} (a {@code +} would be read as a plus by some servers). The
     * signature covers the values before this encoding.
     */
    public static String encodeQuery(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
