package io.herald.push.data;

/**
 * What became of a publish's Web Push deliveries, and what browsers reported back.
 *
 * @param expanding true while its audience is still being turned into deliveries (targets still grows)
 * @param targets deliveries queued for it so far (one per device)
 * @param queued deliveries still waiting (or being retried)
 * @param sent accepted by the push service
 * @param failed refused for good, or out of tries
 * @param removed not delivered because the device is gone (the push service said 404/410, or it was deleted)
 * @param deliveryEvents devices that reported the notification delivered
 * @param openEvents devices that reported it opened
 * @param request the publish request as received
 */
public record PublishStatus(boolean expanding, int targets, int queued, int sent, int failed, int removed, int deliveryEvents,
                            int openEvents, String request) {
}
