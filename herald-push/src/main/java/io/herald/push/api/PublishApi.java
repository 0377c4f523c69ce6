package io.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.InstanceWebhook;
import io.herald.push.PushInstance;
import io.herald.push.data.PublishStatus;
import io.herald.push.data.PublishStore;
import io.herald.push.data.PublishStore.Audience;
import java.util.UUID;

/**
 * The publish API ({@code /publish_api/v1/instances/{id}/…}): publishes to interests or users, and
 * (a Herald extension) a publish's status. Every call needs the instance's secret key as bearer
 * token. Runs on the store threads.
 */
final class PublishApi {

    private final PublishStore publishes;
    private final Runnable onQueued;

    PublishApi(PublishStore publishes, Runnable onQueued) {
        this.publishes = publishes;
        this.onQueued = onQueued;
    }

    static void authenticate(PushInstance instance, String authorization) {
        String secret = UserTokens.bearer(authorization);
        if (secret == null) {
            throw BeamsException.unauthorized("The secret key is required: Authorization: Bearer <secret key>");
        }
        if (!instance.isSecret(secret)) {
            throw BeamsException.unauthorized("Incorrect secret key");
        }
    }

    Reply publish(PushInstance instance, Audience audience, byte[] body) {
        PublishRequest request = PublishRequest.parse(audience, body);
        String publishId = "pubid-" + UUID.randomUUID();
        String payload = request.web() == null ? null : request.webPayload(instance.id(), publishId);
        publishes.publish(instance.id(), publishId, request.json(), payload, request.ttlSeconds(), audience,
                request.targets(), request.webhookUrl(),
                audience == Audience.USERS && instance.wantsEvent(InstanceWebhook.PUBLISH_TO_USERS_ATTEMPT));
        if (payload != null) {
            onQueued.run();
        }
        return Reply.ok(Json.newObject().put("publishId", publishId));
    }

    Reply status(PushInstance instance, String publishId) {
        PublishStatus status = publishes.status(instance.id(), publishId);
        ObjectNode body = Json.newObject().put("publishId", publishId);
        body.putObject("web")
                .put("expanding", status.expanding())
                .put("targets", status.targets())
                .put("queued", status.queued())
                .put("sent", status.sent())
                .put("failed", status.failed())
                .put("removed", status.removed());
        body.putObject("events")
                .put("delivery", status.deliveryEvents())
                .put("open", status.openEvents());
        JsonNode request = Json.object(status.request().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode undelivered = Json.newObject();
        for (String platform : new String[] {"fcm", "apns"}) {
            if (request.hasNonNull(platform)) {
                undelivered.put(platform, "stored, not delivered: Herald delivers Web Push only; "
                        + ("fcm".equals(platform) ? "FCM" : "APNs") + " is not reachable from this server");
            }
        }
        if (!undelivered.isEmpty()) {
            body.set("undelivered", undelivered);
        }
        return Reply.ok(body);
    }
}
