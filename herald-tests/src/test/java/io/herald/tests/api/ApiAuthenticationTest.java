package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;

import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way an API request's authentication can be wrong is a 401 whose {@code {"error": …}} names
 * the problem. Each request is otherwise signed correctly, so only the one flaw can explain the 401.
 */
class ApiAuthenticationTest {

    private static final App OTHER_APP = App.of("other-id", "other-key", "other-secret");
    private static final String EVENTS = "/apps/app-id/events";
    private static final String BODY = "{\"name\":\"flash\",\"channel\":\"news\",\"data\":\"{}\"}";
    private static final long WINDOW_SECONDS = 600;

    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(b -> b.addApp(TestServer.APP).addApp(OTHER_APP));
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static SignedRequest trigger() {
        return SignedRequest.post(TestServer.APP, EVENTS, BODY);
    }

    @Test
    void refusesAMissingAuthKey() {
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_KEY, null).send(api), 401, "auth_key");
    }

    @Test
    void refusesAnotherAppsKeyEvenWhenSignedWithThatAppsSecret() {
        SignedRequest signedAsOtherApp = SignedRequest.post(OTHER_APP, EVENTS, BODY);

        assertRefused(signedAsOtherApp.send(api), 401, "auth_key");
    }

    @Test
    void refusesTimestampsMoreThan600SecondsOffInEitherDirection() {
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, secondsFromNow(-(WINDOW_SECONDS + 1))).send(api),
                401, "auth_timestamp");
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, secondsFromNow(WINDOW_SECONDS + 1)).send(api),
                401, "auth_timestamp");
    }

    @Test
    void acceptsTimestampsWithinTheWindowInEitherDirection() {
        assertOk(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, secondsFromNow(-590)).send(api));
        assertOk(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, secondsFromNow(590)).send(api));
    }

    @Test
    void refusesANonNumericTimestamp() {
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, "yesterday").send(api), 401, "auth_timestamp");
    }

    @Test
    void refusesAMissingTimestamp() {
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_TIMESTAMP, null).send(api), 401, "auth_timestamp");
    }

    @Test
    void refusesAnAuthVersionOtherThan1Point0() {
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_VERSION, "2.0").send(api), 401, "auth_version");
        assertRefused(trigger().resignedWithParam(RequestSigning.AUTH_VERSION, null).send(api), 401, "auth_version");
    }

    @Test
    void refusesAMissingBodyMd5() {
        assertRefused(trigger().resignedWithParam(RequestSigning.BODY_MD5, null).send(api), 401, "body_md5");
    }

    @Test
    void refusesABodyMd5OfAnotherBody() {
        String otherMd5 = Crypto.md5Hex("{}".getBytes(StandardCharsets.UTF_8));

        assertRefused(trigger().resignedWithParam(RequestSigning.BODY_MD5, otherMd5).send(api), 401, "body_md5");
    }

    @Test
    void refusesAMissingSignature() {
        assertRefused(trigger().withParam(RequestSigning.AUTH_SIGNATURE, null).send(api), 401, "auth_signature");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        App wrongSecret = App.of(TestServer.APP.id(), TestServer.APP.key(), "not-the-secret");

        assertRefused(SignedRequest.post(wrongSecret, EVENTS, BODY).send(api), 401, "signature");
    }

    private static String secondsFromNow(long offset) {
        return Long.toString(System.currentTimeMillis() / 1000 + offset);
    }
}
