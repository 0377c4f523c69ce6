package io.herald.sdk.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.sdk.HeraldValidationException;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code web} part of a Beams publish: what the browser shows ({@code title}, {@code body},
 * {@code icon}, the {@code deep_link} opened on click, {@code hide_notification_if_site_has_focus}),
 * the customer {@code data} handed to the page and the service worker, and how long the push service
 * keeps it for an offline browser ({@code time_to_live}, at most {@link #MAX_TIME_TO_LIVE}).
 * Immutable; each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * WebNotification.of("Order shipped", "Order 42 is on its way")
 *         .withIcon("https://shop.example/icon.png")
 *         .withDeepLink("https://shop.example/orders/42")
 *         .withTimeToLive(Duration.ofHours(1));
 * }</pre>
 * becomes
 * <pre>{@code {"notification":{"title":"Order shipped","body":"Order 42 is on its way",
 *   "icon":"https://shop.example/icon.png","deep_link":"https://shop.example/orders/42"},"time_to_live":3600}}</pre>
 */
public final class WebNotification {

    /** The longest a web push service keeps a notification: four weeks, as Beams allows. */
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(28);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String title;
    private final String body;
    private final String icon;
    private final String deepLink;
    private final Boolean hideIfSiteHasFocus;
    private final JsonNode data;
    private final Duration timeToLive;

    private WebNotification(String title, String body, String icon, String deepLink, Boolean hideIfSiteHasFocus,
            JsonNode data, Duration timeToLive) {
        this.title = title;
        this.body = body;
        this.icon = icon;
        this.deepLink = deepLink;
        this.hideIfSiteHasFocus = hideIfSiteHasFocus;
        this.data = data;
        this.timeToLive = timeToLive;
    }

    /**
     * A notification with a title and a body.
     *
     * @param title the title, or {@code null}
     * @param body the text, or {@code null} (not both blank)
     * @return the notification
     * @throws HeraldValidationException when both are blank
     */
    public static WebNotification of(String title, String body) {
        if (isBlank(title) && isBlank(body)) {
            throw new HeraldValidationException("a web notification needs a title or a body");
        }
        return new WebNotification(title, body, null, null, null, null, null);
    }

    /**
     * A data-only push: nothing is shown by default, the page or service worker gets {@code data}.
     *
     * @param data any value Jackson can write
     * @return the notification
     * @throws HeraldValidationException when the data is null or can't be written as JSON
     */
    public static WebNotification dataOnly(Object data) {
        return new WebNotification(null, null, null, null, null, requireData(data), null);
    }

    /**
     * Sets the icon shown beside the notification.
     *
     * @param icon an absolute http(s) URL, or {@code null} for none
     * @return the copy; this notification is unchanged
     * @throws HeraldValidationException when it is not an absolute http(s) URL
     */
    public WebNotification withIcon(String icon) {
        return new WebNotification(title, body, url(icon, "icon"), deepLink, hideIfSiteHasFocus, data, timeToLive);
    }

    /**
     * Sets the page opened when the notification is clicked.
     *
     * @param deepLink an absolute http(s) URL, or {@code null} for none
     * @return the copy; this notification is unchanged
     * @throws HeraldValidationException when it is not an absolute http(s) URL
     */
    public WebNotification withDeepLink(String deepLink) {
        return new WebNotification(title, body, icon, url(deepLink, "deep_link"), hideIfSiteHasFocus, data, timeToLive);
    }

    /**
     * Sets whether the browser skips showing it while the site has focus (Beams' default: false).
     *
     * @param hide true to skip it while the site has focus
     * @return the copy; this notification is unchanged
     */
    public WebNotification withHideIfSiteHasFocus(boolean hide) {
        return new WebNotification(title, body, icon, deepLink, hide, data, timeToLive);
    }

    /**
     * Sets customer data, handed to the page and the service worker.
     *
     * @param data any value Jackson can write
     * @return the copy; this notification is unchanged
     * @throws HeraldValidationException when the data is null or can't be written as JSON
     */
    public WebNotification withData(Object data) {
        return new WebNotification(title, body, icon, deepLink, hideIfSiteHasFocus, requireData(data), timeToLive);
    }

    /**
     * Sets how long the push service keeps it for an offline browser.
     *
     * @param timeToLive 0 to {@link #MAX_TIME_TO_LIVE}, sent in whole seconds
     * @return the copy; this notification is unchanged
     * @throws HeraldValidationException when it is null, negative or over the maximum
     */
    public WebNotification withTimeToLive(Duration timeToLive) {
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
            throw new HeraldValidationException("time_to_live must be 0 to " + MAX_TIME_TO_LIVE.getSeconds()
                    + " seconds, was " + (timeToLive == null ? "null" : timeToLive.getSeconds()));
        }
        return new WebNotification(title, body, icon, deepLink, hideIfSiteHasFocus, data, timeToLive);
    }

    /** @return the customer data as JSON, or {@code null} */
    public JsonNode data() {
        return data;
    }

    /** @return the {@code web} object of the publish body, a new node each call */
    public ObjectNode toJson() {
        ObjectNode web = JSON.createObjectNode();
        if (title != null || body != null) {
            ObjectNode notification = web.putObject("notification");
            putIfSet(notification, "title", title);
            putIfSet(notification, "body", body);
            putIfSet(notification, "icon", icon);
            putIfSet(notification, "deep_link", deepLink);
            if (hideIfSiteHasFocus != null) {
                notification.put("hide_notification_if_site_has_focus", hideIfSiteHasFocus);
            }
        }
        if (data != null) {
            web.set("data", data.deepCopy());
        }
        if (timeToLive != null) {
            web.put("time_to_live", timeToLive.getSeconds());
        }
        return web;
    }

    @Override
    public String toString() {
        return "WebNotification" + toJson();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static JsonNode requireData(Object data) {
        return PublishRequest.toTree(data, "web data");
    }

    private static String url(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the value
        }
        throw new HeraldValidationException(field + " must be an absolute http(s) URL, was '" + value + "'");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
