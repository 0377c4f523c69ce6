package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which endpoints {@code push.endpoint-hosts} lets the node contact: hosts, suffix patterns, schemes, {@code *}. */
class EndpointHostsTest {

    private static boolean allows(EndpointHosts hosts, String endpoint) {
        return hosts.refusal(URI.create(endpoint)) == null;
    }

    @Test
    void theDefaultAllowsTheBrowsersPushServicesOverHttpsOnly() {
        EndpointHosts hosts = EndpointHosts.DEFAULT;
        for (String endpoint : List.of("https://fcm.googleapis.com/fcm/send/abc:APA91b",
                "https://android.googleapis.com/gcm/send/abc", "https://updates.push.services.mozilla.com/wpush/v2/abc",
                "https://web.push.apple.com/QGx", "https://wns2-par02p.notify.windows.com/w/?token=abc",
                "https://FCM.GoogleAPIs.com:443/fcm/send/abc")) {
            assertThat(allows(hosts, endpoint)).as(endpoint).isTrue();
        }
        for (String endpoint : List.of("http://fcm.googleapis.com/fcm/send/abc", "http://169.254.169.254/latest/meta-data",
                "https://169.254.169.254/x", "http://127.0.0.1:1/x", "https://localhost/x", "https://[::1]/x",
                "http://10.0.0.5:8080/admin", "https://fcm.googleapis.com@10.0.0.5/x",
                "https://fcm.googleapis.com.attacker.net/x", "https://notify.windows.com/x")) {
            assertThat(allows(hosts, endpoint)).as(endpoint).isFalse();
        }
    }

    @Test
    void aSuffixPatternMatchesSubdomainsButNotLookAlikes() {
        EndpointHosts hosts = EndpointHosts.of(List.of("*.push.apple.com"));
        assertThat(allows(hosts, "https://web.push.apple.com/x")).isTrue();
        assertThat(allows(hosts, "https://a.b.push.apple.com/x")).isTrue();
        assertThat(allows(hosts, "https://evil-push.apple.com.attacker.net/x")).isFalse();
        assertThat(allows(hosts, "https://xpush.apple.com/x")).isFalse();
        assertThat(allows(hosts, "https://push.apple.com/x")).as("the suffix itself").isFalse();
        assertThat(allows(hosts, "https://push.apple.com.attacker.net/x")).isFalse();
    }

    @Test
    void plainHttpNeedsAnEntrySayingSoAndStarAllowsAnything() {
        EndpointHosts local = EndpointHosts.of(List.of("http://127.0.0.1", "localhost"));
        assertThat(allows(local, "http://127.0.0.1:8080/push/1")).isTrue();
        assertThat(allows(local, "https://127.0.0.1:8443/push/1")).as("the entry says http").isFalse();
        assertThat(allows(local, "https://localhost/push/1")).isTrue();
        assertThat(allows(local, "http://localhost/push/1")).as("no http:// in front").isFalse();
        assertThat(allows(local, "http://127.0.0.2/push/1")).isFalse();

        EndpointHosts any = EndpointHosts.of(List.of("*"));
        assertThat(allows(any, "http://127.0.0.1:1/x")).isTrue();
        assertThat(allows(any, "https://[::1]/x")).isTrue();
        assertThat(allows(any, "ftp://127.0.0.1/x")).as("not http(s)").isFalse();
    }

    @Test
    void aRefusalNamesTheHostAndTheSetting() {
        assertThat(EndpointHosts.DEFAULT.refusal(URI.create("http://169.254.169.254/latest")))
                .contains("http://169.254.169.254").contains("push.endpoint-hosts");
        assertThat(EndpointHosts.DEFAULT.refusal(URI.create("https://bad_host.example/x")))
                .as("a host java.net.URI cannot read").contains("no http(s) host name");
    }

    @Test
    void entriesAreHostsOrPatternsWithoutPortOrPath() {
        assertThat(EndpointHosts.of(List.of("https://FCM.googleapis.com")).hosts())
                .containsExactly(new EndpointHosts.Host("https", "fcm.googleapis.com", false));
        for (String bad : List.of("fcm.googleapis.com:443", "fcm.googleapis.com/fcm", "ftp://x.example", "*push.apple.com",
                "push.*.com", "**", "")) {
            assertThatThrownBy(() -> EndpointHosts.of(List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EndpointHosts.of(List.of())).hasMessageContaining("at least one");
    }
}
