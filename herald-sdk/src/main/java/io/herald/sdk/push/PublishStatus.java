package io.herald.sdk.push;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the deliveries of one publish stand, as Herald reports them
 * ({@code GET /publish_api/v1/instances/{id}/publishes/{publishId}}, a Herald extension that hosted
 * Beams does not offer).
 *
 * @param publishId the publish asked about
 * @param queued deliveries not yet made
 * @param sent deliveries the push services accepted
 * @param failed deliveries given up on
 * @param removed devices removed because their push service said they are gone (404/410)
 * @param body the whole answer, for fields this SDK does not name
 */
public record PublishStatus(String publishId, long queued, long sent, long failed, long removed, JsonNode body) {

    static PublishStatus parse(String publishId, JsonNode body) {
        JsonNode counts = body.has("deliveries") ? body.path("deliveries") : body;
        return new PublishStatus(body.path("publishId").asText(publishId), counts.path("queued").asLong(),
                counts.path("sent").asLong(), counts.path("failed").asLong(), counts.path("removed").asLong(), body);
    }
}
