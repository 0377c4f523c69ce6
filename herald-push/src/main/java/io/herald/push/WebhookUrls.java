package io.herald.push;

import java.net.URI;
import java.net.URISyntaxException;

/** What a webhook URL may be, whether a publisher sends it ({@code webhookUrl}) or the configuration names it. */
public final class WebhookUrls {

    /** As long as a device's endpoint may be. */
    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    /** An absolute http or https URL with a host, of at most {@link #MAX_LENGTH} characters. */
    public static boolean isValid(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
