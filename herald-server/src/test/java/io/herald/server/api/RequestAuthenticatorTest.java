package io.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each stage of the signature check on its own: the first thing wrong is the one named, always as 401. */
class RequestAuthenticatorTest {

    private static final long NOW = 1_760_000_000L;
    private static final App APP = App.of("app-1", "key-1", "secret-1");
    private static final String PATH = "/apps/app-1/events";
    private static final byte[] BODY = "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}".getBytes(StandardCharsets.UTF_8);

    private final RequestAuthenticator authenticator =
            new RequestAuthenticator(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void aCorrectlySignedRequestPasses() {
        assertThatCode(() -> authenticator.verify(APP, signed(NOW, BODY))).doesNotThrowAnyException();
        assertThatCode(() -> authenticator.verify(APP, new ApiRequest("GET", "/apps/app-1/channels",
                RequestSigning.signedQuery("key-1", "secret-1", "GET", "/apps/app-1/channels",
                        Map.of("filter_by_prefix", "presence-"), (byte[]) null, NOW), new byte[0])))
                .doesNotThrowAnyException();
    }

    @Test
    void theTimestampMayBeTenMinutesOffEitherWayAndNoMore() {
        long window = RequestAuthenticator.TIMESTAMP_WINDOW_SECONDS;
        assertThatCode(() -> authenticator.verify(APP, signed(NOW - window, BODY))).doesNotThrowAnyException();
        assertThatCode(() -> authenticator.verify(APP, signed(NOW + window, BODY))).doesNotThrowAnyException();
        assertThat(refusal(signed(NOW - window - 1, BODY))).startsWith("auth_timestamp expired: ");
        assertThat(refusal(signed(NOW + window + 1, BODY))).startsWith("auth_timestamp expired: ");
        // NOW - 2^63 would overflow an absolute difference into a negative number and pass.
        assertThat(refusal(signed(NOW + Long.MIN_VALUE, BODY))).startsWith("auth_timestamp expired: ");
    }

    @Test
    void eachMissingOrWrongPartIsNamed() {
        assertThat(refusal(without(RequestSigning.AUTH_KEY))).isEqualTo("auth_key is missing");
        assertThat(refusal(with(RequestSigning.AUTH_KEY, "key-2"))).isEqualTo("auth_key does not belong to app app-1");
        assertThat(refusal(without(RequestSigning.AUTH_TIMESTAMP))).isEqualTo("auth_timestamp is missing");
        assertThat(refusal(with(RequestSigning.AUTH_TIMESTAMP, "yesterday")))
                .isEqualTo("auth_timestamp must be Unix seconds, was yesterday");
        assertThat(refusal(with(RequestSigning.AUTH_VERSION, "2.0"))).isEqualTo("auth_version must be 1.0");
        assertThat(refusal(without(RequestSigning.BODY_MD5))).isEqualTo("body_md5 is missing for a request with a body");
        assertThat(refusal(with(RequestSigning.BODY_MD5, "0".repeat(32)))).isEqualTo("body_md5 does not match the body");
        assertThat(refusal(without(RequestSigning.AUTH_SIGNATURE))).isEqualTo("auth_signature is missing");
    }

    @Test
    void aWrongSignatureIsRefusedWithTheStringThatShouldHaveBeenSigned() {
        Map<String, String> query = RequestSigning.signedQuery("key-1", "other-secret", "POST", PATH, Map.of(), BODY, NOW);
        String message = refusal(new ApiRequest("POST", PATH, query, BODY));
        assertThat(message).startsWith("Invalid signature: expected HMAC SHA256 hex digest of POST\\n" + PATH + "\\n")
                .contains("auth_key=key-1", "auth_timestamp=" + NOW, "body_md5=");
    }

    @Test
    void aSignatureForAnotherMethodOrPathDoesNotPass() {
        Map<String, String> query = RequestSigning.signedQuery("key-1", "secret-1", "POST", PATH, Map.of(), BODY, NOW);
        assertThat(refusal(new ApiRequest("POST", "/apps/app-1/batch_events", query, BODY))).startsWith("Invalid signature");
        assertThat(refusal(new ApiRequest("PUT", PATH, query, BODY))).startsWith("Invalid signature");
    }

    private static ApiRequest signed(long timestamp, byte[] body) {
        return new ApiRequest("POST", PATH,
                RequestSigning.signedQuery("key-1", "secret-1", "POST", PATH, Map.of(), body, timestamp), body);
    }

    /** The signed request with one parameter removed (the signature is not recomputed). */
    private static ApiRequest without(String parameter) {
        Map<String, String> query = new LinkedHashMap<>(signed(NOW, BODY).query());
        query.remove(parameter);
        return new ApiRequest("POST", PATH, query, BODY);
    }

    /** The signed request with one parameter replaced (the signature is not recomputed). */
    private static ApiRequest with(String parameter, String value) {
        Map<String, String> query = new LinkedHashMap<>(signed(NOW, BODY).query());
        query.put(parameter, value);
        return new ApiRequest("POST", PATH, query, BODY);
    }

    private String refusal(ApiRequest request) {
        ApiException refused = catchThrowableOfType(() -> authenticator.verify(APP, request), ApiException.class);
        assertThat(refused).as("refusal of %s", request.query()).isNotNull();
        assertThat(refused.status()).isEqualTo(401);
        return refused.getMessage();
    }
}
