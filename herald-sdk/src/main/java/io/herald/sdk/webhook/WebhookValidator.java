package io.herald.sdk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.Check;
import io.herald.protocol.Crypto;
import io.herald.sdk.HeraldValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks webhook requests: {@code X-Pusher-Signature} must be the hex HMAC-SHA256 of the raw body
 * under the secret of the app key in {@code X-Pusher-Key}. Several key/secret pairs may be known at
 * once, so secrets can be rotated without dropping webhooks. Comparison is constant time.
 * Thread-safe.
 *
 * <pre>{@code
 * WebhookValidator validator = WebhookValidator.of("app-key", "app-secret");
 * // in the handler of the webhook URL, with the raw body bytes and the two headers:
 * Webhook hook = validator.validate(keyHeader, signatureHeader, rawBody);
 * if (!hook.isValid()) {
 *     return 401; // however your framework answers
 * }
 * for (WebhookEvent event : hook.events()) {
 *     if (event instanceof WebhookEvent.ChannelOccupied occupied) {
 *         System.out.println("first subscriber on " + occupied.channel());
 *     } else if (event instanceof WebhookEvent.MemberAdded added) {
 *         System.out.println(added.userId() + " joined " + added.channel());
 *     }
 * }
 * }</pre>
 */
public final class WebhookValidator {

    /** The request header naming the app key the webhook was signed with. */
    public static final String KEY_HEADER = "X-Pusher-Key";
    /** The request header holding the hex HMAC-SHA256 of the raw body. */
    public static final String SIGNATURE_HEADER = "X-Pusher-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> secretsByKey;

    /**
     * A validator accepting any of these key/secret pairs.
     *
     * @param secretsByKey app key → secret; copied, every pair is accepted
     * @throws HeraldValidationException when the map is null or empty
     */
    public WebhookValidator(Map<String, String> secretsByKey) {
        Check.notNull(secretsByKey, "secretsByKey", HeraldValidationException::new);
        if (secretsByKey.isEmpty()) {
            throw new HeraldValidationException("a webhook validator needs at least one key and secret");
        }
        this.secretsByKey = Map.copyOf(new LinkedHashMap<>(secretsByKey));
    }

    /**
     * A validator for one app.
     *
     * @param key the app's key
     * @param secret the app's secret
     * @return the validator
     * @throws HeraldValidationException when the key or secret is blank
     */
    public static WebhookValidator of(String key, String secret) {
        return new WebhookValidator(Map.of(Check.notBlank(key, "key", HeraldValidationException::new),
                Check.notBlank(secret, "secret", HeraldValidationException::new)));
    }

    /**
     * Only the verdict, without parsing the body.
     *
     * @param key the {@value #KEY_HEADER} header, or {@code null} when missing
     * @param signature the {@value #SIGNATURE_HEADER} header, or {@code null} when missing
     * @param body the raw request body, exactly as received
     * @return whether the request is authentic
     */
    public WebhookVerdict verify(String key, String signature, byte[] body) {
        String secret = key == null ? null : secretsByKey.get(key);
        if (secret == null) {
            return WebhookVerdict.UNKNOWN_KEY;
        }
        if (signature == null || body == null) {
            return WebhookVerdict.BAD_SIGNATURE;
        }
        byte[] expected = Crypto.hmacSha256(secret, body);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(signature.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return WebhookVerdict.BAD_SIGNATURE;
        }
        return MessageDigest.isEqual(expected, actual) ? WebhookVerdict.VALID : WebhookVerdict.BAD_SIGNATURE;
    }

    /**
     * Verifies and, when valid, parses the request. A valid signature over a body that is not a
     * webhook is a {@link HeraldValidationException}: the sender holds the secret but sent garbage.
     *
     * @param key the {@value #KEY_HEADER} header, or {@code null} when missing
     * @param signature the {@value #SIGNATURE_HEADER} header, or {@code null} when missing
     * @param body the raw request body, exactly as received
     * @return the verdict, and the time and events when valid
     * @throws HeraldValidationException when the signature is valid but the body is not a webhook
     */
    public Webhook validate(String key, String signature, byte[] body) {
        WebhookVerdict verdict = verify(key, signature, body);
        return verdict == WebhookVerdict.VALID ? parse(body) : Webhook.refused(verdict);
    }

    /**
     * {@link #validate(String, String, byte[])} with the body as text, encoded as UTF-8 to check the signature.
     *
     * @param key the {@value #KEY_HEADER} header, or {@code null} when missing
     * @param signature the {@value #SIGNATURE_HEADER} header, or {@code null} when missing
     * @param body the raw request body as text
     * @return the verdict, and the time and events when valid
     * @throws HeraldValidationException when the signature is valid but the body is not a webhook
     */
    public Webhook validate(String key, String signature, String body) {
        return validate(key, signature, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Webhook parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new HeraldValidationException("webhook body is not JSON", e);
        }
        if (root == null || !root.path("events").isArray()) {
            throw new HeraldValidationException("webhook body must be {\"time_ms\":…,\"events\":[…]}");
        }
        List<WebhookEvent> events = new ArrayList<>();
        root.get("events").forEach(node -> events.add(event(node)));
        return new Webhook(WebhookVerdict.VALID, root.path("time_ms").asLong(), events);
    }

    private static WebhookEvent event(JsonNode node) {
        String name = text(node, "name");
        String channel = text(node, "channel");
        return switch (name == null ? "" : name) {
            case "channel_occupied" -> new WebhookEvent.ChannelOccupied(channel);
            case "channel_vacated" -> new WebhookEvent.ChannelVacated(channel);
            case "member_added" -> new WebhookEvent.MemberAdded(channel, text(node, "user_id"));
            case "member_removed" -> new WebhookEvent.MemberRemoved(channel, text(node, "user_id"));
            case "client_event" -> new WebhookEvent.ClientEvent(channel, text(node, "event"),
                    data(node.get("data")), text(node, "socket_id"), text(node, "user_id"));
            case "cache_miss" -> new WebhookEvent.CacheMiss(channel);
            case "subscription_count" -> new WebhookEvent.SubscriptionCount(channel, node.path("subscription_count").asInt());
            default -> new WebhookEvent.Unknown(name, channel, node.toString());
        };
    }

    private static String data(JsonNode data) {
        if (data == null || data.isNull()) {
            return null;
        }
        return data.isTextual() ? data.asText() : data.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
