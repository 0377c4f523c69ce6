package io.herald.push.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Beams' rules for interest names and user ids. */
public final class Names {

    public static final int MAX_INTEREST_LENGTH = 164;
    public static final int MAX_USER_ID_BYTES = 164;
    private static final Pattern INTEREST = Pattern.compile("[A-Za-z0-9_\\-=@,.;]{1," + MAX_INTEREST_LENGTH + "}");

    private Names() {
    }

    /** The interest, or a 422 saying what is wrong with it. */
    public static String interest(String interest) {
        if (interest == null || !INTEREST.matcher(interest).matches()) {
            throw BeamsException.unprocessable("Invalid interest name \"" + abbreviate(interest) + "\": 1-"
                    + MAX_INTEREST_LENGTH + " characters of A-Z, a-z, 0-9 and _-=@,.;");
        }
        return interest;
    }

    /** The user id, or a 422 saying what is wrong with it. */
    public static String userId(String userId) {
        if (userId == null || userId.isEmpty() || userId.getBytes(StandardCharsets.UTF_8).length > MAX_USER_ID_BYTES) {
            throw BeamsException.unprocessable("User ids must be 1-" + MAX_USER_ID_BYTES + " bytes long");
        }
        return userId;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
