package io.herald.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook of an instance, as Beams' dashboard configures them: the events it wants posted to its
 * URL, signed with its secret, with its custom data in every body.
 *
 * @param id sent as {@code Webhook-ID-UUID}
 * @param events the event types it wants, of {@link #EVENTS}
 * @param customData the body's {@code custom_data}
 */
public record InstanceWebhook(UUID id, String url, String secret, Set<String> events, ObjectNode customData) {

    public static final String PUBLISH_TO_USERS_ATTEMPT = "v1.PublishToUsersAttempt";
    public static final String NOTIFICATION_ACKNOWLEDGEMENT = "v1.UserNotificationAcknowledgement";
    public static final String NOTIFICATION_OPEN = "v1.UserNotificationOpen";
    public static final List<String> EVENTS = List.of(PUBLISH_TO_USERS_ATTEMPT, NOTIFICATION_ACKNOWLEDGEMENT,
            NOTIFICATION_OPEN);

    public InstanceWebhook {
        events = Set.copyOf(events);
        customData = customData.deepCopy();
    }

    /** The id a webhook gets when none is configured: the same on every node and after restarts. */
    public static UUID defaultId(String instanceId, String url) {
        return UUID.nameUUIDFromBytes((instanceId + "\n" + url).getBytes(StandardCharsets.UTF_8));
    }

    public boolean wants(String eventType) {
        return events.contains(eventType);
    }

    @Override
    public String toString() {
        return "InstanceWebhook[" + id + " " + events + "]"; // neither the secret nor a URL's credentials
    }
}
