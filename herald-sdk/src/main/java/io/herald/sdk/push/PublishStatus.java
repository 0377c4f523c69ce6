package io.herald.sdk.push;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the Web Push deliveries of one publish stand, as Herald reports them
 * ({@code GET /publish_api/v1/instances/{id}/publishes/{publishId}}, a Herald extension that hosted
 * Beams does not offer).
 *
 * @param publishId the publish asked about
 * @param expanding true while Herald is still turning the publish's interests or users into
 *     deliveries, one per device: until then {@code targets} may still grow
 * @param targets deliveries queued for it so far, one per device
 * @param queued deliveries still waiting or being retried
 * @param sent deliveries the push services accepted
 * @param failed deliveries refused for good, or out of tries
 * @param removed deliveries dropped because the device is gone (its push service said 404/410, or it was deleted)
 * @param body the whole answer, for what this SDK does not name (browser-reported delivery and open
 *     events, fcm/apns payloads Herald stored but could not deliver)
 */
public record PublishStatus(String publishId, boolean expanding, long targets, long queued, long sent, long failed, long removed, JsonNode body) {

    static PublishStatus parse(String publishId, JsonNode body) {
        JsonNode web = body.path("web");
        return new PublishStatus(body.path("publishId").asText(publishId), web.path("expanding").asBoolean(),
                web.path("targets").asLong(),
                web.path("queued").asLong(), web.path("sent").asLong(), web.path("failed").asLong(),
                web.path("removed").asLong(), body);
    }

    /** @return true once every device has been found and no delivery is waiting any more */
    public boolean isSettled() {
        return !expanding && queued == 0;
    }
}
