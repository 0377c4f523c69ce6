package io.herald.protocol;

import java.util.regex.Pattern;

/** Socket ids look like {@code 123.456}: digits, a dot, digits. */
public final class SocketId {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,20}\\.\\d{1,20}");

    private SocketId() {
    }

    public static boolean isValid(String socketId) {
        return socketId != null && FORMAT.matcher(socketId).matches();
    }
}
