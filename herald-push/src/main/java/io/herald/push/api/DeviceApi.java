package io.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.EndpointHosts;
import io.herald.push.PushInstance;
import io.herald.push.data.Device;
import io.herald.push.data.DeviceStore;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The device API ({@code /device_api/v1/instances/{id}/…}) as {@code @pusher/push-notifications-web}
 * 2.1.0 calls it: the VAPID public key, registering a browser's Web Push subscription, its metadata,
 * interests and user. Unauthenticated as in Beams (the device id is the browser's secret), except
 * binding a user, which needs a Beams token. Runs on the store threads.
 */
final class DeviceApi {

    private static final int MAX_PAGE = 1000;
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_ENDPOINT_LENGTH = 2048;
    private static final int MAX_SDK_VERSION_LENGTH = 64;

    private final DeviceStore devices;
    private final Function<String, String> vapidPublicKey;
    private final UserTokens tokens;
    private final EndpointHosts endpointHosts;
    private final int maxInterests;
    private final int maxDevicesPerUser;
    private final int maxDevices;

    DeviceApi(DeviceStore devices, Function<String, String> vapidPublicKey, UserTokens tokens, EndpointHosts endpointHosts,
              int maxInterests, int maxDevicesPerUser, int maxDevices) {
        this.devices = devices;
        this.vapidPublicKey = vapidPublicKey;
        this.tokens = tokens;
        this.endpointHosts = endpointHosts;
        this.maxInterests = maxInterests;
        this.maxDevicesPerUser = maxDevicesPerUser;
        this.maxDevices = maxDevices;
    }

    Reply vapidPublicKey(PushInstance instance) {
        return Reply.ok(Json.newObject().put("vapidPublicKey", vapidPublicKey.apply(instance.id())));
    }

    /** {@code {token: base64(JSON of the PushSubscription), metadata: {sdkVersion}}} → {@code {id}}. */
    Reply register(PushInstance instance, byte[] body) {
        ObjectNode request = Json.object(body);
        JsonNode token = request.get("token");
        if (token == null || !token.isTextual() || token.asText().length() > 16 * 1024) {
            throw BeamsException.badRequest("token must be the base64 of the browser's PushSubscription JSON");
        }
        JsonNode subscription = subscription(token.asText());
        String endpoint = subscription.path("endpoint").asText("");
        checkEndpoint(endpoint);
        String p256dh = key(subscription.path("keys").path("p256dh"), 65, "p256dh");
        String auth = key(subscription.path("keys").path("auth"), 16, "auth");
        String id = devices.register(instance.id(), endpoint, p256dh, auth, sdkVersion(request.path("metadata")),
                maxDevices);
        return Reply.ok(Json.newObject().put("id", id));
    }

    Reply get(PushInstance instance, String deviceId) {
        Device device = devices.get(instance.id(), deviceId);
        ObjectNode body = Json.newObject().put("id", device.id());
        if (device.userId() != null) {
            body.put("userId", device.userId());
        }
        ObjectNode metadata = body.putObject("metadata");
        if (device.sdkVersion() != null) {
            metadata.put("sdkVersion", device.sdkVersion());
        }
        return Reply.ok(body);
    }

    Reply delete(PushInstance instance, String deviceId) {
        devices.delete(instance.id(), deviceId);
        return Reply.EMPTY;
    }

    Reply setMetadata(PushInstance instance, String deviceId, byte[] body) {
        devices.setSdkVersion(instance.id(), deviceId, sdkVersion(Json.object(body)));
        return Reply.EMPTY;
    }

    /** A page of interests: {@code {interests, responseMetadata: {nextCursor?}}}. */
    Reply interests(PushInstance instance, String deviceId, String limitParameter, String cursor) {
        int limit = DEFAULT_PAGE;
        if (limitParameter != null) {
            try {
                limit = Integer.parseInt(limitParameter);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_PAGE) {
                throw BeamsException.badRequest("limit must be a whole number from 1 to " + MAX_PAGE);
            }
        }
        String after = cursor == null || cursor.isEmpty() ? null : decodeCursor(cursor);
        List<String> page = devices.interests(instance.id(), deviceId, after, limit + 1);
        ObjectNode body = Json.newObject();
        ArrayNode list = body.putArray("interests");
        page.stream().limit(limit).forEach(list::add);
        ObjectNode metadata = body.putObject("responseMetadata");
        if (page.size() > limit) {
            metadata.put("nextCursor", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.get(limit - 1).getBytes(StandardCharsets.UTF_8)));
        }
        return Reply.ok(body);
    }

    Reply setInterests(PushInstance instance, String deviceId, byte[] body) {
        JsonNode list = Json.object(body).get("interests");
        if (list == null || !list.isArray()) {
            throw BeamsException.badRequest("interests must be a list of interest names");
        }
        Set<String> interests = new LinkedHashSet<>();
        for (JsonNode interest : list) {
            if (!interest.isTextual()) {
                throw BeamsException.badRequest("interests must be a list of interest names");
            }
            interests.add(Names.interest(interest.asText()));
        }
        if (interests.size() > maxInterests) {
            throw BeamsException.badRequest("A device can have at most " + maxInterests + " interests, got "
                    + interests.size());
        }
        devices.setInterests(instance.id(), deviceId, interests);
        return Reply.EMPTY;
    }

    Reply addInterest(PushInstance instance, String deviceId, String interest) {
        devices.addInterest(instance.id(), deviceId, Names.interest(interest), maxInterests);
        return Reply.EMPTY;
    }

    Reply removeInterest(PushInstance instance, String deviceId, String interest) {
        devices.removeInterest(instance.id(), deviceId, Names.interest(interest));
        return Reply.EMPTY;
    }

    Reply setUser(PushInstance instance, String deviceId, String authorization) {
        String userId = tokens.verify(instance, authorization);
        devices.setUser(instance.id(), deviceId, userId, maxDevicesPerUser);
        return Reply.EMPTY;
    }

    /** An http(s) URL of a push service this node may send to, or a 400 saying what it is not. */
    private void checkEndpoint(String endpoint) {
        URI uri = null;
        if (endpoint.length() <= MAX_ENDPOINT_LENGTH && endpoint.matches("https?://[^\\s]+")) {
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        if (uri == null) {
            throw BeamsException.badRequest("The subscription's endpoint must be an http(s) URL of at most "
                    + MAX_ENDPOINT_LENGTH + " characters");
        }
        String refusal = endpointHosts.refusal(uri);
        if (refusal != null) {
            throw BeamsException.badRequest("The subscription's endpoint is refused: " + refusal);
        }
    }

    private static JsonNode subscription(String token) {
        try {
            byte[] json = Base64.getMimeDecoder().decode(token.replace('-', '+').replace('_', '/'));
            JsonNode node = Json.MAPPER.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IllegalArgumentException | IOException e) {
            // reported below
        }
        throw BeamsException.badRequest("token must be the base64 of the browser's PushSubscription JSON");
    }

    /** A base64url key of exactly {@code length} bytes, as the browser gives it. */
    private static String key(JsonNode node, int length, String name) {
        try {
            if (node.isTextual() && Base64.getUrlDecoder().decode(node.asText().replace('+', '-').replace('/', '_')
                    .replace("=", "")).length == length) {
                return node.asText();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw BeamsException.badRequest("The subscription's keys." + name + " must be " + length + " bytes in base64url");
    }

    private static String sdkVersion(JsonNode metadata) {
        JsonNode version = metadata.get("sdkVersion");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isTextual() || version.asText().length() > MAX_SDK_VERSION_LENGTH) {
            throw BeamsException.badRequest("metadata.sdkVersion must be a string of at most "
                    + MAX_SDK_VERSION_LENGTH + " characters");
        }
        return version.asText();
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BeamsException.badRequest("cursor is not one this server gave");
        }
    }
}
