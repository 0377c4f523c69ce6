package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Makes the requests {@code @pusher/push-notifications-web} 2.1.0 makes, in its order: start()
 * fetches the VAPID key, subscribes the browser with it, registers the subscription; then interests
 * and the user, each a fetch from the page's origin.
 */
final class WebSdk {

    static final String SDK_VERSION = "2.1.0";

    private final PushHttp http;
    private final TestPushService browser;
    private final String instanceId;
    TestPushService.Subscription subscription;
    String deviceId;

    WebSdk(PushHttp http, TestPushService browser, String instanceId) {
        this.http = http;
        this.browser = browser;
        this.instanceId = instanceId;
    }

    private String base() {
        return "/device_api/v1/instances/" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8);
    }

    /** {@code beamsClient.start()}. */
    WebSdk start() throws GeneralSecurityException {
        PushHttp.Answer key = http.fromBrowser("GET", base() + "/web-vapid-public-key", null);
        assertThat(key.status()).isEqualTo(200);
        subscription = browser.subscribe(key.body().get("vapidPublicKey").asText());
        PushHttp.Answer device = http.fromBrowser("POST", base() + "/devices/web",
                "{\"token\":\"" + subscription.token() + "\",\"metadata\":{\"sdkVersion\":\"" + SDK_VERSION + "\"}}");
        assertThat(device.status()).as(device.body().toString()).isEqualTo(200);
        deviceId = device.body().get("id").asText();
        return this;
    }

    /** {@code beamsClient.addDeviceInterest(interest)}. */
    PushHttp.Answer addDeviceInterest(String interest) {
        return http.fromBrowser("POST", devicePath() + "/interests/" + URLEncoder.encode(interest, StandardCharsets.UTF_8)
                .replace("+", "%20"), null);
    }

    /** {@code beamsClient.setUserId(userId, tokenProvider)} once the token provider gave {@code token}. */
    PushHttp.Answer setUserId(String token) {
        return http.fromBrowser("PUT", devicePath() + "/user", null, "Authorization", "Bearer " + token);
    }

    String devicePath() {
        return base() + "/devices/web/" + deviceId;
    }
}
