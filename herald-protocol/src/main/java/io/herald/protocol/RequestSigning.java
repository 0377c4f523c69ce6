package io.herald.protocol;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signing of HTTP API requests: {@code auth_signature} is the hex HMAC-SHA256 of
 * {@code METHOD\nPATH\nQUERY}, where QUERY is every other parameter, keys lower-cased and sorted,
 * joined as {@code k=v&...} without URL escaping.
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
        String query = sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + query;
    }

    public static String signature(String secret, String method, String path, Map<String, String> params) {
        return Crypto.hmacSha256Hex(secret, stringToSign(method, path, params));
    }
}
