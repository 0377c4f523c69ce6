package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request signing over real HTTP: the PROTOCOL.md test vector, a request signed like the server
 * libraries sign it is accepted, and one changed character anywhere the signature covers is a 401.
 */
class RequestSigningEndToEndTest {

    /** The app, request and signature of the PROTOCOL.md signing test vector. */
    private static final App VECTOR_APP = App.of("3", "278d425bdf160c739803", "7ad3773142a6692b25b8");
    private static final String VECTOR_PATH = "/apps/3/events";
    private static final String VECTOR_BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";
    private static final String VECTOR_TIMESTAMP = "1353088179";
    private static final String VECTOR_BODY_MD5 = "ec365a775a4cd0599faeb73354201b6f";
    private static final String VECTOR_SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

    private static final String EVENTS = "/apps/app-id/events";
    private static final String BODY = "{\"name\":\"flash\",\"channels\":[\"news\"],\"data\":\"{}\"}";

    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(b -> b.addApp(TestServer.APP).addApp(VECTOR_APP));
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void requestSigningProducesTheProtocolTestVector() {
        Map<String, String> params = Map.of(
                RequestSigning.AUTH_KEY, VECTOR_APP.key(),
                RequestSigning.AUTH_TIMESTAMP, VECTOR_TIMESTAMP,
                RequestSigning.AUTH_VERSION, "1.0",
                RequestSigning.BODY_MD5, VECTOR_BODY_MD5);

        assertThat(Crypto.md5Hex(VECTOR_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(VECTOR_BODY_MD5);
        assertThat(RequestSigning.signature(VECTOR_APP.secret(), "POST", VECTOR_PATH, params)).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void vectorRequestIsRefusedOnlyForItsAgeAndAcceptedWhenSignedNow() {
        ApiClient vectorApi = server.api(VECTOR_APP);
        Map<String, String> vectorQuery = Map.of(
                RequestSigning.AUTH_KEY, VECTOR_APP.key(),
                RequestSigning.AUTH_TIMESTAMP, VECTOR_TIMESTAMP,
                RequestSigning.AUTH_VERSION, "1.0",
                RequestSigning.BODY_MD5, VECTOR_BODY_MD5,
                RequestSigning.AUTH_SIGNATURE, VECTOR_SIGNATURE);

        assertRefused(vectorApi.sendRaw("POST", VECTOR_PATH + "?" + ApiClient.encode(vectorQuery), VECTOR_BODY),
                401, "auth_timestamp");
        assertOk(vectorApi.post(VECTOR_PATH, VECTOR_BODY));
    }

    @Test
    void acceptsRequestsSignedByTheApiClient() {
        assertOk(api.post(EVENTS, BODY));
        assertOk(api.get("/apps/app-id/channels", Map.of("filter_by_prefix", "news")));
    }

    @Test
    void refusesAChangedCharacterInTheSignature() {
        SignedRequest request = SignedRequest.post(TestServer.APP, EVENTS, BODY);
        String signature = request.param(RequestSigning.AUTH_SIGNATURE);

        assertOk(request.send(api));
        assertRefused(request.withParam(RequestSigning.AUTH_SIGNATURE, changeLastCharacter(signature)).send(api),
                401, "signature");
    }

    @Test
    void refusesAChangedCharacterInThePath() {
        SignedRequest request = SignedRequest.post(TestServer.APP, EVENTS, BODY);

        assertOk(request.send(api));
        assertRefused(request.withPath("/apps/app-id/eventS").send(api), 401, "signature");
    }

    @Test
    void refusesAChangedCharacterInTheBody() {
        SignedRequest request = SignedRequest.post(TestServer.APP, EVENTS, BODY);
        String changedBody = BODY.replace("flash", "flasH");

        assertOk(request.send(api));
        assertRefused(request.withBody(changedBody).send(api), 401, "body_md5");
        String changedMd5 = Crypto.md5Hex(changedBody.getBytes(StandardCharsets.UTF_8));
        assertRefused(request.withBody(changedBody).withParam(RequestSigning.BODY_MD5, changedMd5).send(api),
                401, "signature");
    }

    @Test
    void refusesAChangedCharacterInAQueryParameter() {
        SignedRequest request = SignedRequest.get(TestServer.APP, "/apps/app-id/channels", Map.of("filter_by_prefix", "news"));

        assertOk(request.send(api));
        assertRefused(request.withParam("filter_by_prefix", "newz").send(api), 401, "signature");
        assertRefused(request.withParam("info", "subscription_count").send(api), 401, "signature");
    }

    private static String changeLastCharacter(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == '0' ? '1' : '0');
    }
}
