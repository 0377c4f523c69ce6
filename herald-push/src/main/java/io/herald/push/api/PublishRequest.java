package io.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.WebhookUrls;
import io.herald.push.data.PublishStore.Audience;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A publish request, validated: who it goes to and what each platform gets. The {@code web} part
 * becomes the Web Push payload; {@code fcm} and {@code apns} must be objects and are kept as given.
 *
 * @param audience interests or users
 * @param targets the interests or user ids, without repeats
 * @param web the {@code web} object, or {@code null}
 * @param ttlSeconds {@code web.time_to_live}, or {@code null}
 * @param undeliverable platforms in the request that Herald does not deliver ({@code fcm}, {@code apns})
 * @param webhookUrl where the publish's STARTED and FINISHED webhooks go, or {@code null}
 * @param json the request as received
 */
public record PublishRequest(Audience audience, List<String> targets, ObjectNode web, Integer ttlSeconds,
                             List<String> undeliverable, String webhookUrl, String json) {

    public static final int MAX_INTERESTS = 100;
    public static final int MAX_USERS = 1000;
    /** Beams' body limits: 10 KiB to interests, 200 KiB to users. */
    public static final int MAX_INTERESTS_BODY = 10 * 1024;
    public static final int MAX_USERS_BODY = 200 * 1024;
    /** The longest time_to_live push services honour: four weeks. */
    public static final int MAX_TTL_SECONDS = 2_419_200;
    /**
     * The largest payload one aes128gcm record of 4096 bytes carries: 4096 less the header (86), the
     * tag (16) and the padding delimiter (1).
     */
    public static final int MAX_WEB_PAYLOAD = 3993;

    /** Validates a body sent to {@code …/publishes/interests} or {@code …/publishes/users}. */
    public static PublishRequest parse(Audience audience, byte[] body) {
        int max = audience == Audience.INTERESTS ? MAX_INTERESTS_BODY : MAX_USERS_BODY;
        if (body.length > max) {
            throw BeamsException.tooLarge("Request body is " + body.length + " bytes; at most " + max + " allowed");
        }
        ObjectNode request = Json.object(body);
        List<String> targets = audience == Audience.INTERESTS
                ? list(request, "interests", MAX_INTERESTS, Names::interest)
                : list(request, "users", MAX_USERS, Names::userId);
        ObjectNode web = optionalObject(request, "web");
        List<String> undeliverable = new ArrayList<>();
        if (optionalObject(request, "fcm") != null) {
            undeliverable.add("fcm");
        }
        if (optionalObject(request, "apns") != null) {
            undeliverable.add("apns");
        }
        if (web == null && undeliverable.isEmpty()) {
            throw BeamsException.unprocessable("A publish needs at least one of web, fcm or apns");
        }
        Integer ttl = web == null ? null : ttl(web);
        if (web != null) {
            validateWeb(web);
        }
        return new PublishRequest(audience, targets, web, ttl, List.copyOf(undeliverable), webhookUrl(request),
                new String(body, StandardCharsets.UTF_8));
    }

    /** The URL, or {@code null} when there is none. */
    private static String webhookUrl(ObjectNode request) {
        JsonNode webhook = request.get("webhookUrl");
        if (webhook == null || webhook.isNull()) {
            return null;
        }
        if (!webhook.isTextual() || !WebhookUrls.isValid(webhook.asText())) {
            throw BeamsException.unprocessable("webhookUrl must be an absolute http(s) URL of at most "
                    + WebhookUrls.MAX_LENGTH + " characters");
        }
        return webhook.asText();
    }

    /**
     * The payload the web SDK's service worker expects: the notification as published, the
     * customer's data with Herald's {@code pusher} metadata beside it.
     */
    public String webPayload(String instanceId, String publishId) {
        ObjectNode payload = Json.newObject();
        JsonNode notification = web.get("notification");
        ObjectNode data = web.get("data") instanceof ObjectNode d ? d.deepCopy() : Json.newObject();
        boolean hasData = !data.isEmpty();
        if (notification != null && !notification.isNull()) {
            payload.set("notification", notification);
        }
        data.putObject("pusher")
                .put("instanceId", instanceId)
                .put("publishId", publishId)
                .put("hasDisplayableContent", notification != null && (notification.hasNonNull("title")
                        || notification.hasNonNull("body")))
                .put("hasData", hasData);
        payload.set("data", data);
        String json = payload.toString();
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_WEB_PAYLOAD) {
            throw BeamsException.unprocessable("The web notification and data come to " + size
                    + " bytes with Herald's metadata; Web Push carries at most " + MAX_WEB_PAYLOAD);
        }
        return json;
    }

    private interface Check {
        String apply(String value);
    }

    private static List<String> list(ObjectNode request, String field, int max, Check check) {
        JsonNode node = request.get(field);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw BeamsException.unprocessable("\"" + field + "\" must be a list of 1 to " + max + " strings");
        }
        if (node.size() > max) {
            throw BeamsException.unprocessable("\"" + field + "\" has " + node.size() + " entries; at most "
                    + max + " allowed");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw BeamsException.unprocessable("\"" + field + "\" must contain strings only");
            }
            values.add(check.apply(value.asText()));
        }
        return List.copyOf(values);
    }

    private static ObjectNode optionalObject(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw BeamsException.unprocessable("\"" + field + "\" must be an object");
        }
        return (ObjectNode) node;
    }

    private static Integer ttl(ObjectNode web) {
        JsonNode ttl = web.get("time_to_live");
        if (ttl == null || ttl.isNull()) {
            return null;
        }
        if (!ttl.canConvertToInt() || !ttl.isIntegralNumber() || ttl.asInt() < 0 || ttl.asInt() > MAX_TTL_SECONDS) {
            throw BeamsException.unprocessable("web.time_to_live must be a whole number of seconds from 0 to "
                    + MAX_TTL_SECONDS);
        }
        return ttl.asInt();
    }

    private static void validateWeb(ObjectNode web) {
        ObjectNode notification = optionalObject(web, "notification");
        if (notification != null) {
            for (String field : List.of("title", "body", "icon", "deep_link")) {
                JsonNode value = notification.get(field);
                if (value != null && !value.isNull() && !value.isTextual()) {
                    throw BeamsException.unprocessable("web.notification." + field + " must be a string");
                }
            }
            JsonNode deepLink = notification.get("deep_link");
            if (deepLink != null && deepLink.isTextual() && !deepLink.asText().matches("https?://.+")) {
                throw BeamsException.unprocessable("web.notification.deep_link must be an http(s) URL");
            }
            JsonNode hide = notification.get("hide_notification_if_site_has_focus");
            if (hide != null && !hide.isNull() && !hide.isBoolean()) {
                throw BeamsException.unprocessable("web.notification.hide_notification_if_site_has_focus must be true or false");
            }
        }
        optionalObject(web, "data");
    }
}
