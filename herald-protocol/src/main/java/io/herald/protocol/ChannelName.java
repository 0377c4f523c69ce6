package io.herald.protocol;

import java.util.regex.Pattern;

/**
 * Channel-name rules: the allowed characters, the length limit, and the type and cache flag that a
 * name's prefix implies.
 */
public final class ChannelName {

    /** Longest channel name the protocol allows. */
    public static final int MAX_LENGTH = 200;
    public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

    private static final Pattern ALLOWED = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");

    private ChannelName() {
    }

    /** Returns the reason {@code name} is not a valid channel name, or {@code null} if it is. */
    public static String problem(String name, int maxLength) {
        if (name == null || name.isEmpty()) {
            return "channel name is missing";
        }
        if (name.length() > maxLength) {
            return "channel name is longer than " + maxLength + " characters";
        }
        if (name.startsWith(SERVER_TO_USER_PREFIX)) {
            String userId = name.substring(SERVER_TO_USER_PREFIX.length());
            return userId.isEmpty() ? "channel name has no user id" : null;
        }
        if (!ALLOWED.matcher(name).matches()) {
            return "channel name '" + name + "' may only contain a-z, A-Z, 0-9 and -_=@,.;";
        }
        return null;
    }

    public static boolean isValid(String name) {
        return problem(name, MAX_LENGTH) == null;
    }

    public static ChannelType typeOf(String name) {
        if (name.startsWith(SERVER_TO_USER_PREFIX)) {
            return ChannelType.SERVER_TO_USER;
        }
        if (name.startsWith("private-encrypted-")) {
            return ChannelType.PRIVATE_ENCRYPTED;
        }
        if (name.startsWith("private-")) {
            return ChannelType.PRIVATE;
        }
        if (name.startsWith("presence-")) {
            return ChannelType.PRESENCE;
        }
        return ChannelType.PUBLIC;
    }

    /** Cache channels keep their last event for late joiners. */
    public static boolean isCache(String name) {
        return name.startsWith("cache-")
                || name.startsWith("private-cache-")
                || name.startsWith("presence-cache-")
                || name.startsWith("private-encrypted-cache-");
    }
}
