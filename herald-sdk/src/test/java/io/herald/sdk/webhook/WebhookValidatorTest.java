package io.herald.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import io.herald.protocol.Crypto;
import io.herald.sdk.HeraldValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookValidatorTest {

    private static final String KEY = "app-key";
    private static final String SECRET = "app-secret";
    private static final String BODY = "{\"time_ms\":1700000000123,\"events\":["
            + "{\"name\":\"channel_occupied\",\"channel\":\"news\"},"
            + "{\"name\":\"channel_vacated\",\"channel\":\"news\"},"
            + "{\"name\":\"member_added\",\"channel\":\"presence-room\",\"user_id\":\"alice\"},"
            + "{\"name\":\"member_removed\",\"channel\":\"presence-room\",\"user_id\":\"alice\"},"
            + "{\"name\":\"client_event\",\"channel\":\"presence-room\",\"event\":\"client-typing\",\"data\":\"{\\\"on\\\":true}\",\"socket_id\":\"1.2\",\"user_id\":\"bob\"},"
            + "{\"name\":\"cache_miss\",\"channel\":\"cache-prices\"},"
            + "{\"name\":\"subscription_count\",\"channel\":\"news\",\"subscription_count\":3},"
            + "{\"name\":\"something_new\",\"channel\":\"news\",\"extra\":1}]}";

    private final WebhookValidator validator = WebhookValidator.of(KEY, SECRET);

    @Test
    void aCorrectlySignedBodyIsValidAndParsedIntoTypedEvents() {
        Webhook hook = validator.validate(KEY, sign(SECRET, BODY), BODY);
        assertThat(hook.verdict()).isEqualTo(WebhookVerdict.VALID);
        assertThat(hook.isValid()).isTrue();
        assertThat(hook.timeMs()).isEqualTo(1700000000123L);
        assertThat(hook.events()).containsExactly(
                new WebhookEvent.ChannelOccupied("news"),
                new WebhookEvent.ChannelVacated("news"),
                new WebhookEvent.MemberAdded("presence-room", "alice"),
                new WebhookEvent.MemberRemoved("presence-room", "alice"),
                new WebhookEvent.ClientEvent("presence-room", "client-typing", "{\"on\":true}", "1.2", "bob"),
                new WebhookEvent.CacheMiss("cache-prices"),
                new WebhookEvent.SubscriptionCount("news", 3),
                new WebhookEvent.Unknown("something_new", "news", "{\"name\":\"something_new\",\"channel\":\"news\",\"extra\":1}"));
    }

    @Test
    void aWrongOrMissingSignatureIsBadSignature() {
        assertThat(validator.validate(KEY, sign("other-secret", BODY), BODY).verdict()).isEqualTo(WebhookVerdict.BAD_SIGNATURE);
        assertThat(validator.validate(KEY, sign(SECRET, BODY), BODY + " ").verdict()).isEqualTo(WebhookVerdict.BAD_SIGNATURE);
        assertThat(validator.validate(KEY, null, BODY).verdict()).isEqualTo(WebhookVerdict.BAD_SIGNATURE);
        assertThat(validator.validate(KEY, "not-hex", BODY).verdict()).isEqualTo(WebhookVerdict.BAD_SIGNATURE);
        Webhook refused = validator.validate(KEY, "00", BODY);
        assertThat(refused.isValid()).isFalse();
        assertThat(refused.events()).isEmpty();
    }

    @Test
    void anUnknownOrMissingKeyIsUnknownKey() {
        assertThat(validator.validate("other-key", sign(SECRET, BODY), BODY).verdict()).isEqualTo(WebhookVerdict.UNKNOWN_KEY);
        assertThat(validator.validate(null, sign(SECRET, BODY), BODY).verdict()).isEqualTo(WebhookVerdict.UNKNOWN_KEY);
    }

    @Test
    void everyKnownKeyAndSecretPairIsAcceptedForRotation() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("old-key", "old-secret");
        pairs.put("new-key", "new-secret");
        WebhookValidator rotating = new WebhookValidator(pairs);
        assertThat(rotating.verify("old-key", sign("old-secret", BODY), BODY.getBytes())).isEqualTo(WebhookVerdict.VALID);
        assertThat(rotating.verify("new-key", sign("new-secret", BODY), BODY.getBytes())).isEqualTo(WebhookVerdict.VALID);
        assertThat(rotating.verify("new-key", sign("old-secret", BODY), BODY.getBytes())).isEqualTo(WebhookVerdict.BAD_SIGNATURE);
    }

    @Test
    void verdictsAgreeWithPusherHttpJava() {
        Pusher official = new Pusher("app-id", KEY, SECRET);
        Map<WebhookVerdict, Validity> expected = Map.of(
                WebhookVerdict.VALID, Validity.VALID,
                WebhookVerdict.BAD_SIGNATURE, Validity.INVALID,
                WebhookVerdict.UNKNOWN_KEY, Validity.SIGNED_WITH_WRONG_KEY);
        List<String[]> cases = List.of(
                new String[] {KEY, sign(SECRET, BODY), BODY},
                new String[] {KEY, sign("other", BODY), BODY},
                new String[] {KEY, sign(SECRET, BODY), BODY + "x"},
                new String[] {"other-key", sign(SECRET, BODY), BODY},
                new String[] {KEY, sign(SECRET, "{}"), "{}"});
        for (String[] c : cases) {
            WebhookVerdict ours = validator.verify(c[0], c[1], c[2].getBytes());
            assertThat(official.validateWebhookSignature(c[0], c[1], c[2])).as("%s / %s", c[0], c[2]).isEqualTo(expected.get(ours));
        }
    }

    @Test
    void aValidSignatureOverABodyThatIsNoWebhookIsAValidationError() {
        assertThatThrownBy(() -> validator.validate(KEY, sign(SECRET, "[1,2]"), "[1,2]"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> validator.validate(KEY, sign(SECRET, "nope"), "nope"))
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> new WebhookValidator(Map.of())).isInstanceOf(HeraldValidationException.class);
    }

    @Test
    void aMissingKeyOrSecretIsAValidationError() {
        assertThatThrownBy(() -> new WebhookValidator(null)).isInstanceOf(HeraldValidationException.class)
                .hasMessage("secretsByKey must not be null");
        assertThatThrownBy(() -> WebhookValidator.of(KEY, null)).isInstanceOf(HeraldValidationException.class)
                .hasMessage("secret must not be blank, was null");
        assertThatThrownBy(() -> WebhookValidator.of("", SECRET)).isInstanceOf(HeraldValidationException.class);
    }

    private static String sign(String secret, String body) {
        return Crypto.hmacSha256Hex(secret, body);
    }
}
