package io.herald.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A push notifications instance: what Beams calls an instance, configured like an app. Its devices,
 * users and publishes are its own; nothing of one instance is visible through another.
 *
 * @param id the instance id in every API path
 * @param secret the secret key: the publish API's bearer token and the key that signs user tokens
 * @param webhooks where the instance's events are posted
 */
public record PushInstance(String id, String secret, List<InstanceWebhook> webhooks) {

    public PushInstance {
        webhooks = List.copyOf(webhooks);
    }

    /** An instance without webhooks. */
    public PushInstance(String id, String secret) {
        this(id, secret, List.of());
    }

    /** Whether a webhook of the instance wants {@code eventType}. */
    public boolean wantsEvent(String eventType) {
        return webhooks.stream().anyMatch(w -> w.wants(eventType));
    }

    /** Issuer the official SDKs put in user tokens; Herald accepts only this one. */
    public String tokenIssuer() {
        return "https://" + id + ".pushnotifications.pusher.com";
    }

    /** Whether {@code candidate} is the secret key, in constant time. */
    public boolean isSecret(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PushInstance[" + id + "]";
    }
}
