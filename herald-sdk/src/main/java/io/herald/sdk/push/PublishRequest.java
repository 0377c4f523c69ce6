package io.herald.sdk.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldValidationException;
import java.util.Map;

/**
 * What a Beams publish carries, per platform: {@code web} (typed, {@link WebNotification}), and
 * {@code fcm} / {@code apns} in their providers' own formats (any value Jackson can write), plus an
 * optional {@code webhookUrl}. Immutable; each {@code with…} returns a copy. At least one platform
 * must be set. The interests or users are added by {@link HeraldPush} when it publishes.
 *
 * <pre>{@code
 * PublishRequest.web(WebNotification.of("Hi", "Hello, world"))
 *         .withFcm(Map.of("notification", Map.of("title", "Hi", "body", "Hello, world")));
 * }</pre>
 */
public final class PublishRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body;

    private PublishRequest(ObjectNode body) {
        this.body = body;
    }

    /**
     * A publish to browsers.
     *
     * @param web the browser notification
     * @return the request
     * @throws HeraldValidationException when {@code web} is null
     */
    public static PublishRequest web(WebNotification web) {
        if (web == null) {
            throw new HeraldValidationException("web must not be null");
        }
        return new PublishRequest(JSON.createObjectNode()).with("web", web.toJson());
    }

    /**
     * A publish body given as a map, as the official Beams SDKs take it ({@code web}, {@code fcm},
     * {@code apns}, {@code webhookUrl}); {@code interests} and {@code users} are refused here, since
     * the publish call names them.
     *
     * @param body the body, written to JSON with Jackson
     * @return the request
     * @throws HeraldValidationException when the body is null, names interests or users, or sets no platform
     */
    public static PublishRequest of(Map<String, ?> body) {
        if (body == null) {
            throw new HeraldValidationException("the publish body must not be null");
        }
        JsonNode tree = toTree(body, "the publish body");
        if (tree.has("interests") || tree.has("users")) {
            throw new HeraldValidationException("give the interests or users to the publish call, not in the body");
        }
        return new PublishRequest((ObjectNode) tree).checked();
    }

    /**
     * Adds or replaces the browser notification.
     *
     * @param web the browser notification
     * @return the copy; this request is unchanged
     * @throws HeraldValidationException when {@code web} is null
     */
    public PublishRequest withWeb(WebNotification web) {
        if (web == null) {
            throw new HeraldValidationException("web must not be null");
        }
        return with("web", web.toJson());
    }

    /**
     * Adds the Android payload, in FCM's format (stored by Herald; delivered by hosted Beams).
     *
     * @param fcm any value Jackson can write
     * @return the copy; this request is unchanged
     * @throws HeraldValidationException when it is null or can't be written as JSON
     */
    public PublishRequest withFcm(Object fcm) {
        return with("fcm", toTree(fcm, "fcm"));
    }

    /**
     * Adds the iOS payload, in APNs' format (stored by Herald; delivered by hosted Beams).
     *
     * @param apns any value Jackson can write
     * @return the copy; this request is unchanged
     * @throws HeraldValidationException when it is null or can't be written as JSON
     */
    public PublishRequest withApns(Object apns) {
        return with("apns", toTree(apns, "apns"));
    }

    /**
     * Sets a URL Beams calls back with the publish's outcome.
     *
     * @param webhookUrl the URL; not blank
     * @return the copy; this request is unchanged
     * @throws HeraldValidationException when the URL is blank
     */
    public PublishRequest withWebhookUrl(String webhookUrl) {
        if (webhookUrl == null || webhookUrl.isBlank()) {
            throw new HeraldValidationException("webhookUrl must not be blank");
        }
        return with("webhookUrl", JSON.getNodeFactory().textNode(webhookUrl));
    }

    /** The body sent, with the {@code interests} or {@code users} field added. */
    String bodyTo(String field, java.util.List<String> targets) {
        ObjectNode copy = body.deepCopy();
        copy.set(field, JSON.valueToTree(targets));
        return copy.toString();
    }

    /** @return a copy of this request's JSON, without interests or users */
    public ObjectNode toJson() {
        return body.deepCopy();
    }

    @Override
    public String toString() {
        return "PublishRequest" + body;
    }

    /** {@code value} as a JSON tree, or a {@link HeraldValidationException} naming {@code what}. */
    static JsonNode toTree(Object value, String what) {
        if (value == null) {
            throw new HeraldValidationException(what + " must not be null");
        }
        try {
            return JSON.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new HeraldValidationException(what + " could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private PublishRequest with(String field, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        copy.set(field, value);
        return new PublishRequest(copy);
    }

    private PublishRequest checked() {
        if (!body.has("web") && !body.has("fcm") && !body.has("apns")) {
            throw new HeraldValidationException("a publish needs at least one of web, fcm and apns");
        }
        return this;
    }
}
