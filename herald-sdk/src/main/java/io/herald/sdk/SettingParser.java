package io.herald.sdk;

import io.herald.protocol.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses textual settings (URLs, environment variables); every error names the setting. Shared by the
 * SDK's option classes; not part of its API.
 */
public final class SettingParser {

    private static final Pattern APP_PATH = Pattern.compile("/apps/([^/]+)/?");

    private SettingParser() {
    }

    /** Applies {@code http[s]://KEY:SECRET@HOST[:PORT]/apps/APP_ID}; the message never echoes the secret. */
    static void applyUrl(HeraldRestOptions.Builder builder, String url, String setting) {
        String shape = setting + " must look like https://KEY:SECRET@HOST[:PORT]/apps/APP_ID";
        if (url == null || url.isBlank()) {
            throw new HeraldValidationException(shape + ", was empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new HeraldValidationException(shape + " (it is not a valid URI)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new HeraldValidationException(shape + " (scheme must be http or https)");
        }
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0 || colon == userInfo.length() - 1) {
            throw new HeraldValidationException(shape + " (KEY:SECRET is missing)");
        }
        if (uri.getHost() == null) {
            throw new HeraldValidationException(shape + " (HOST is missing)");
        }
        Matcher path = APP_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (!path.matches()) {
            throw new HeraldValidationException(shape + " (path /apps/APP_ID is missing)");
        }
        builder.useTls(scheme.equals("https"))
                .key(decode(userInfo.substring(0, colon)))
                .secret(decode(userInfo.substring(colon + 1)))
                .host(uri.getHost())
                .appId(path.group(1));
        if (uri.getPort() != -1) {
            builder.port(uri.getPort());
        }
    }

    /**
     * Fills {@code builder} from {@code PUSHER_*} variables; single variables beat {@code PUSHER_URL},
     * and {@code PUSHER_USE_TLS} beats its older name {@code PUSHER_ENCRYPTED}.
     */
    static void applyEnvironment(HeraldRestOptions.Builder builder, EnvironmentSettings env) {
        env.ifSet("PUSHER_URL", url -> applyUrl(builder, url, "PUSHER_URL"));
        env.ifSet("PUSHER_APP_ID", builder::appId);
        env.ifSet("PUSHER_APP_KEY", builder::key);
        env.ifSet("PUSHER_KEY", builder::key);
        env.ifSet("PUSHER_APP_SECRET", builder::secret);
        env.ifSet("PUSHER_SECRET", builder::secret);
        env.ifSet("PUSHER_CLUSTER", cluster -> builder.cluster(cluster).host(null));
        env.ifSet("PUSHER_HOST", builder::host);
        env.ifSet("PUSHER_PORT", SettingParser::port, builder::port);
        env.ifSet("PUSHER_ENCRYPTED", SettingParser::bool, builder::useTls);
        env.ifSet("PUSHER_USE_TLS", SettingParser::bool, builder::useTls);
        env.ifSet("PUSHER_PROXY", SettingParser::proxy, builder::proxy);
        env.ifSet("PUSHER_TIMEOUT", SettingParser::duration, builder::requestTimeout);
        env.ifSet("PUSHER_KEEP_ALIVE", SettingParser::bool, builder::keepAlive);
        env.ifSet("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", SettingParser::masterKey, builder::encryptionMasterKey);
        env.ifSet("PUSHER_ENCRYPTION_MASTER_KEY", SettingParser::masterKey, builder::encryptionMasterKey);
    }

    /**
     * Refuses an unset setting.
     *
     * @param <T> the setting's type
     * @param value the setting's value
     * @param name the setting's name, for the message
     * @return {@code value}
     * @throws HeraldValidationException when it is null or a blank string
     */
    public static <T> T required(T value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new HeraldValidationException(name + " is required but was not set");
        }
        return value;
    }

    /**
     * Parses an HTTP proxy, {@code http://[USER:PASSWORD@]HOST:PORT}.
     *
     * @param value the proxy's URL
     * @param setting the setting's name, for the message
     * @return the URL
     * @throws HeraldValidationException when it has no host or port; the message never echoes the credentials
     */
    public static URI proxy(String value, String setting) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getPort() == -1) {
            throw new HeraldValidationException(setting + " must look like http://[USER:PASSWORD@]HOST:PORT, was " + redacted(value));
        }
        return uri;
    }

    private static String redacted(String proxy) {
        int at = proxy.lastIndexOf('@');
        return at < 0 ? proxy : "…@" + proxy.substring(at + 1);
    }

    /**
     * A URI for printing.
     *
     * @param uri a URI, or {@code null}
     * @return the URI with a password in it shown as {@code ***}; {@code "null"} for {@code null}
     */
    public static String redacted(URI uri) {
        if (uri == null || uri.getRawUserInfo() == null) {
            return String.valueOf(uri);
        }
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return uri.getScheme() + "://" + user + ":***@" + uri.getHost() + ":" + uri.getPort();
    }

    static byte[] masterKey(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new HeraldValidationException(setting + " must be base64 of " + HeraldRestOptions.MASTER_KEY_BYTES + " bytes (it is not valid base64)");
        }
        if (key.length != HeraldRestOptions.MASTER_KEY_BYTES) {
            throw new HeraldValidationException(setting + " must be base64 of " + HeraldRestOptions.MASTER_KEY_BYTES
                    + " bytes, decodes to " + key.length);
        }
        return key;
    }

    /**
     * Parses a {@code PUSHER_*} timeout in herald-protocol's {@link Durations} grammar ({@code 5s}, {@code 500ms},
     * {@code 1m}, {@code PT5S}), except that a bare number stays milliseconds ({@code 5000}), as these
     * variables have read it from the start and as the Pusher libraries take their timeouts.
     *
     * @param value the text
     * @param setting the setting's name, for the message
     * @return the duration
     * @throws HeraldValidationException when it is not a duration
     */
    public static Duration duration(String value, String setting) {
        try {
            return Durations.parse(value, ChronoUnit.MILLIS);
        } catch (IllegalArgumentException e) {
            throw new HeraldValidationException(setting + " must be a duration such as 5s, 500ms, 1m or PT5S"
                    + " (a bare number is milliseconds), was " + value);
        }
    }

    static int port(String value, String setting) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new HeraldValidationException(setting + " must be a port number, was " + value);
        }
    }

    /**
     * Parses a flag: {@code true}/{@code 1}/{@code yes}/{@code on} or {@code false}/{@code 0}/{@code no}/{@code off},
     * in any case.
     *
     * @param value the text
     * @param setting the setting's name, for the message
     * @return the flag
     * @throws HeraldValidationException when it is none of those
     */
    public static boolean bool(String value, String setting) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new HeraldValidationException(setting + " must be true or false, was " + value);
        };
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }
}
