package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.TestVectors.RequestSigningVector;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestSigningTest {

    private static final String VECTORS = "io.herald.protocol.TestVectors#requestSigning";

    @ParameterizedTest
    @MethodSource(VECTORS)
    void bodyMd5MatchesThePublishedVector(RequestSigningVector v) {
        assertThat(Crypto.md5Hex(v.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(v.bodyMd5());
    }

    @ParameterizedTest
    @MethodSource(VECTORS)
    void stringToSignMatchesThePublishedVector(RequestSigningVector v) {
        assertThat(RequestSigning.stringToSign(v.method(), v.path(), authParams(v))).isEqualTo(v.stringToSign());
    }

    @ParameterizedTest
    @MethodSource(VECTORS)
    void signatureMatchesThePublishedVector(RequestSigningVector v) {
        assertThat(RequestSigning.signature(v.secret(), v.method(), v.path(), authParams(v))).isEqualTo(v.signature());
    }

    @ParameterizedTest
    @MethodSource(VECTORS)
    void signatureIgnoresAnAuthSignatureAlreadyInTheQuery(RequestSigningVector v) {
        Map<String, String> params = authParams(v);
        params.put("AUTH_SIGNATURE", "whatever");
        params.put(RequestSigning.AUTH_SIGNATURE, v.signature());
        assertThat(RequestSigning.signature(v.secret(), v.method(), v.path(), params)).isEqualTo(v.signature());
    }

    @ParameterizedTest
    @MethodSource(VECTORS)
    void signedQueryAddsTheAuthParametersOfThePublishedVector(RequestSigningVector v) {
        Map<String, String> signed = RequestSigning.signedQuery(v.key(), v.secret(), v.method(), v.path(), Map.of(),
                v.body(), Long.parseLong(v.timestamp()));

        assertThat(signed).containsExactly(
                Map.entry(RequestSigning.AUTH_KEY, v.key()),
                Map.entry(RequestSigning.AUTH_TIMESTAMP, v.timestamp()),
                Map.entry(RequestSigning.AUTH_VERSION, RequestSigning.VERSION),
                Map.entry(RequestSigning.BODY_MD5, v.bodyMd5()),
                Map.entry(RequestSigning.AUTH_SIGNATURE, v.signature()));
    }

    @Test
    void signedQueryKeepsTheCallersParametersAndSignsThem() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter_by_prefix", "presence-");
        query.put("info", "user_count");

        Map<String, String> signed = RequestSigning.signedQuery("k", "s", "GET", "/apps/1/channels", query, (String) null, 7L);

        assertThat(signed).doesNotContainKey(RequestSigning.BODY_MD5)
                .containsEntry("filter_by_prefix", "presence-").containsEntry("info", "user_count");
        assertThat(signed.get(RequestSigning.AUTH_SIGNATURE))
                .isEqualTo(RequestSigning.signature("s", "GET", "/apps/1/channels", signed));
        assertThat(RequestSigning.signedQuery("k", "s", "POST", "/apps/1/events", Map.of(), new byte[0], 7L))
                .as("an empty body has no body_md5").doesNotContainKey(RequestSigning.BODY_MD5);
    }

    @Test
    void encodesTheQueryForTheRequestLineWithSpacesAsPercent20() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("info", "user_count,subscription_count");
        params.put("filter_by_prefix", "a b+c&d=\u00e9");

        assertThat(RequestSigning.encodeQuery(params))
                .isEqualTo("info=user_count%2Csubscription_count&filter_by_prefix=a%20b%2Bc%26d%3D%C3%A9");
    }

    @Test
    void sortsLowerCasedKeysAndDoesNotEscapeValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("b", "2");
        params.put("Info", "user_count,subscription_count");
        params.put("a", "x y&z");

        assertThat(RequestSigning.stringToSign("get", "/apps/1/channels", params))
                .isEqualTo("GET\n/apps/1/channels\na=x y&z&b=2&info=user_count,subscription_count");
    }

    @Test
    void anEmptyQuerySignsAnEmptyThirdLine() {
        assertThat(RequestSigning.stringToSign("GET", "/apps/1/channels", Map.of()))
                .isEqualTo("GET\n/apps/1/channels\n");
    }

    @Test
    void aDifferentSecretGivesADifferentSignature() {
        RequestSigningVector v = TestVectors.requestSigning().get(0);
        assertThat(RequestSigning.signature(v.secret() + "x", v.method(), v.path(), authParams(v)))
                .isNotEqualTo(v.signature());
    }

    /** The parameters a server library adds, as the vector lists them (in an unsorted order on purpose). */
    private static Map<String, String> authParams(RequestSigningVector v) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(RequestSigning.BODY_MD5, v.bodyMd5());
        params.put(RequestSigning.AUTH_VERSION, RequestSigning.VERSION);
        params.put(RequestSigning.AUTH_TIMESTAMP, v.timestamp());
        params.put(RequestSigning.AUTH_KEY, v.key());
        return params;
    }
}
