package io.herald.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.SignatureUtil;
import io.herald.protocol.RequestSigning;
import io.herald.testkit.ApiClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK signs exactly as Pusher's official Java library does (through herald-protocol's {@link RequestSigning}). */
class PusherHttpJavaSigningTest {

    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";
    private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

    @Test
    void signsPostsExactlyLikePusherHttpJava() {
        assertSameSignatureAsPusherHttpJava("POST", "/apps/3/events", BODY, Map.of());
    }

    @Test
    void signsGetsWithQueryParametersExactlyLikePusherHttpJava() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter_by_prefix", "presence-");
        query.put("info", "user_count,subscription_count");
        assertSameSignatureAsPusherHttpJava("GET", "/apps/3/channels", null, query);
    }

    private static void assertSameSignatureAsPusherHttpJava(String method, String path, String body, Map<String, String> query) {
        URI official = SignatureUtil.uri(method, "http", "127.0.0.1", path, body, KEY, SECRET, query);
        Map<String, String> theirs = ApiClient.decode(official.getRawQuery());
        long timestamp = Long.parseLong(theirs.get("auth_timestamp"));
        Map<String, String> ours = RequestSigning.signedQuery(KEY, SECRET, method, path, query, body, timestamp);
        assertThat(ours).isEqualTo(theirs);
    }
}
