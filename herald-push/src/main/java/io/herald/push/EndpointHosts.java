package io.herald.push;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push services a device's endpoint may name ({@code push.endpoint-hosts}). Anyone who knows an
 * instance id can register a browser, and the node then sends Web Push requests to the endpoint it
 * gave: this list keeps those requests on real push services, away from hosts inside the network
 * ({@code http://169.254.169.254/…}, {@code http://10.0.0.5:8080/admin}). Checked when a device
 * registers and again before each delivery.
 *
 * <p>An entry is a host ({@code fcm.googleapis.com}), a suffix pattern ({@code *.push.apple.com}: any
 * subdomain, not {@code push.apple.com} itself), either of them after {@code http://} to allow plain
 * http to it instead of https (a push service of your own, as in tests), or {@code *}: any host, over
 * http or https (for development and tests). Without {@code http://} an entry needs https. Ports and
 * paths are not part of an entry; hosts compare without regard to case.
 *
 * @param hosts the entries; never empty
 */
public record EndpointHosts(List<Host> hosts) {

    /** The setting, as error messages name it. */
    public static final String SETTING = "push.endpoint-hosts";

    /** The push services of Chrome and Android, Firefox, Safari and Edge, over https. */
    public static final EndpointHosts DEFAULT = of(List.of("fcm.googleapis.com", "android.googleapis.com",
            "updates.push.services.mozilla.com", "*.push.apple.com", "*.notify.windows.com"));

    public EndpointHosts {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("must list at least one push service host, or *");
        }
    }

    /** Parses entries as the setting gives them; {@link IllegalArgumentException} names a bad one. */
    public static EndpointHosts of(List<String> entries) {
        return new EndpointHosts(entries.stream().map(Host::parse).toList());
    }

    /** {@code null} when the node may send to {@code endpoint}; else why not, naming the setting. */
    public String refusal(URI endpoint) {
        String scheme = lower(endpoint.getScheme());
        String host = lower(endpoint.getHost());
        if (host == null || !("https".equals(scheme) || "http".equals(scheme))) {
            return "the endpoint has no http(s) host name";
        }
        for (Host allowed : hosts) {
            if (allowed.matches(scheme, host)) {
                return null;
            }
        }
        return scheme + "://" + host + " is not a push service this server may contact (" + SETTING
                + " lists them; https unless an entry starts with http://)";
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /**
     * One entry.
     *
     * @param scheme {@code https} or {@code http}; {@code null} for {@code *}
     * @param name the host, or the suffix after {@code *.}; {@code null} for {@code *}
     * @param subdomains whether {@code name} is a suffix: any subdomain of it matches, it does not
     */
    public record Host(String scheme, String name, boolean subdomains) {

        private static final Pattern ENTRY = Pattern.compile(
                "(?:(https?)://)?(\\*\\.)?([a-z0-9-]+(?:\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+])");

        static Host parse(String entry) {
            String text = entry.trim().toLowerCase(Locale.ROOT);
            if (text.equals("*")) {
                return new Host(null, null, false);
            }
            Matcher m = ENTRY.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("entries look like fcm.googleapis.com, *.push.apple.com, "
                        + "http://127.0.0.1 (no port or path) or *; was \"" + entry + "\"");
            }
            return new Host(m.group(1) == null ? "https" : m.group(1), m.group(3), m.group(2) != null);
        }

        boolean matches(String endpointScheme, String endpointHost) {
            if (name == null) {
                return true;
            }
            if (!scheme.equals(endpointScheme)) {
                return false;
            }
            return subdomains
                    ? endpointHost.length() > name.length() + 1 && endpointHost.endsWith(name)
                            && endpointHost.charAt(endpointHost.length() - name.length() - 1) == '.'
                    : endpointHost.equals(name);
        }

        @Override
        public String toString() {
            return name == null ? "*" : ("http".equals(scheme) ? "http://" : "") + (subdomains ? "*." : "") + name;
        }
    }
}
