package io.herald.bench;

import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Signs HTTP API requests the way every Pusher server library does (auth_version 1.0). */
final class Signer {

    private Signer() {
    }

    /** {@code path?auth_key=…&auth_signature=…} for a request with {@code body} (may be empty). */
    static String signedUri(BenchTarget target, String method, String path, byte[] body) {
        Map<String, String> params = new TreeMap<>();
        params.put(RequestSigning.AUTH_KEY, target.key());
        params.put(RequestSigning.AUTH_TIMESTAMP, Long.toString(System.currentTimeMillis() / 1000));
        params.put(RequestSigning.AUTH_VERSION, RequestSigning.VERSION);
        if (body.length > 0) {
            params.put(RequestSigning.BODY_MD5, Crypto.md5Hex(body));
        }
        params.put(RequestSigning.AUTH_SIGNATURE, RequestSigning.signature(target.secret(), method, path, params));
        StringJoiner query = new StringJoiner("&", path + "?", "");
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
