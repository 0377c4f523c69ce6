package io.herald.push.data;

/**
 * A queued delivery this node has claimed: nobody else takes it until its lease runs out.
 *
 * @param id the queue row
 * @param attempts tries so far, this one included
 * @param device the device's subscription, read with the claim; {@code null} when the device was deleted
 */
public record ClaimedDelivery(long id, String instanceId, String publishId, String deviceId, int attempts,
                              Device device) {
}
