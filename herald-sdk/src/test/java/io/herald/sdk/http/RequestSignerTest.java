package io.herald.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.SignatureUtil;
import io.herald.testkit.ApiClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

    @Test
    void signsThePublishedProtocolVector() {
        RequestSigner signer = new RequestSigner("278d425bdf160c739803", "7ad3773142a6692b25b8");
        Map<String, String> signed = signer.sign("POST", "/apps/3/events", Map.of(), BODY, 1353088179L);
        assertThat(signed).containsEntry("body_md5", "ec365a775a4cd0599faeb73354201b6f")
                .containsEntry("auth_version", "1.0")
                .containsEntry("auth_key", "278d425bdf160c739803")
                .containsEntry("auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
    }

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

    @Test
    void leavesOutBodyMd5WithoutABody() {
        Map<String, String> signed = new RequestSigner("k", "s").sign("GET", "/apps/1/channels", Map.of(), null, 1L);
        assertThat(signed).doesNotContainKey("body_md5").containsKey("auth_signature");
    }

    @Test
    void escapesQueryValuesForTheRequestLine() {
        assertThat(RequestSigner.queryString(Map.of("info", "user_count,subscription_count")))
                .isEqualTo("info=user_count%2Csubscription_count");
    }

    private static void assertSameSignatureAsPusherHttpJava(String method, String path, String body, Map<String, String> query) {
        URI official = SignatureUtil.uri(method, "http", "127.0.0.1", path, body, "278d425bdf160c739803",
                "7ad3773142a6692b25b8", query);
        Map<String, String> theirs = ApiClient.decode(official.getRawQuery());
        long timestamp = Long.parseLong(theirs.get("auth_timestamp"));
        Map<String, String> ours = new RequestSigner("278d425bdf160c739803", "7ad3773142a6692b25b8")
                .sign(method, path, query, body, timestamp);
        assertThat(ours).isEqualTo(theirs);
    }
}
