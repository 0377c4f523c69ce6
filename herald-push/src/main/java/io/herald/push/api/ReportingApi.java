package io.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.PushInstance;
import io.herald.push.data.PublishStore;

/**
 * The reporting API ({@code POST /reporting_api/v2/instances/{id}/events}) the web SDK's service
 * worker calls when a notification is delivered or opened. Unauthenticated as in Beams, so a report
 * counts only for a registered device and a known publish of the instance, once per event.
 */
final class ReportingApi {

    private static final int MAX_BODY = 4096;

    private final PublishStore publishes;

    ReportingApi(PublishStore publishes) {
        this.publishes = publishes;
    }

    Reply report(PushInstance instance, byte[] body) {
        if (body.length > MAX_BODY) {
            throw BeamsException.tooLarge("A report is at most " + MAX_BODY + " bytes");
        }
        ObjectNode report = Json.object(body);
        String event = text(report, "event");
        if (!"delivery".equals(event) && !"open".equals(event)) {
            throw BeamsException.badRequest("event must be \"delivery\" or \"open\"");
        }
        String publishId = text(report, "publishId");
        String deviceId = text(report, "deviceId");
        if (publishId == null || deviceId == null || publishId.length() > 64 || deviceId.length() > 64) {
            throw BeamsException.badRequest("publishId and deviceId are required");
        }
        if (!publishes.report(instance, publishId, deviceId, event)) {
            throw BeamsException.notFound("No such publish or device");
        }
        return Reply.EMPTY;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
