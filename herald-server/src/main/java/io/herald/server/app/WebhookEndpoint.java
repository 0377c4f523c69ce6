package io.herald.server.app;

import io.herald.protocol.Check;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * One webhook receiver of an app: where to POST, which event types it wants and, optionally, a
 * channel-name prefix that events must match ({@code null} or empty for every channel).
 *
 * @param url an {@code http} or {@code https} URL
 * @param types the event types to send; at least one
 * @param channelPrefix only events on channels starting with this are sent; {@code null} for all
 */
public record WebhookEndpoint(URI url, Set<WebhookType> types, String channelPrefix) {

    public WebhookEndpoint {
        Check.notNull(url, "url");
        Check.notNull(types, "types");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook url must be an http(s) URL with a host, was " + url);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("webhook " + url + " must list at least one event type");
        }
        types = Set.copyOf(EnumSet.copyOf(types));
        channelPrefix = channelPrefix == null || channelPrefix.isEmpty() ? null : channelPrefix;
    }

    /** An endpoint for {@code types} on every channel. */
    public static WebhookEndpoint of(String url, WebhookType... types) {
        return new WebhookEndpoint(URI.create(url), Set.of(types), null);
    }

    /** Whether an event of {@code type} on {@code channel} goes to this endpoint. */
    public boolean wants(WebhookType type, String channel) {
        return types.contains(type) && (channelPrefix == null || channel.startsWith(channelPrefix));
    }
}
