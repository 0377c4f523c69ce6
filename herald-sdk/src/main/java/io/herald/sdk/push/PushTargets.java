package io.herald.sdk.push;

import io.herald.sdk.HeraldValidationException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Beams rules for whom a publish goes to, checked before anything is sent, exactly as the
 * publish API checks them: 1 to {@value #MAX_INTERESTS} interests, each 1 to
 * {@value #MAX_INTEREST_LENGTH} characters of {@code [A-Za-z0-9_\-=@,.;]}; 1 to {@value #MAX_USERS}
 * users, each 1 to {@value #MAX_USER_ID_BYTES} bytes of valid UTF-8.
 */
public final class PushTargets {

    /** Most interests one publish may name. */
    public static final int MAX_INTERESTS = 100;
    /** Most characters in an interest name. */
    public static final int MAX_INTEREST_LENGTH = 164;
    /** Most users one publish may name. */
    public static final int MAX_USERS = 1000;
    /** Most bytes of UTF-8 in a user id. */
    public static final int MAX_USER_ID_BYTES = 164;

    private static final Pattern INTEREST = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

    private PushTargets() {
    }

    /**
     * Checks the interests of a publish.
     *
     * @param interests 1 to {@value #MAX_INTERESTS} interest names
     * @return an immutable copy
     * @throws HeraldValidationException naming the first fault
     */
    public static List<String> interests(List<String> interests) {
        List<String> checked = list(interests, "interests", MAX_INTERESTS);
        checked.forEach(PushTargets::interest);
        return checked;
    }

    /**
     * Checks one interest name.
     *
     * @param interest the name
     * @return the name, unchanged
     * @throws HeraldValidationException when it is empty, too long or has a character outside the allowed set
     */
    public static String interest(String interest) {
        if (interest == null || interest.isEmpty() || interest.length() > MAX_INTEREST_LENGTH) {
            throw new HeraldValidationException("an interest must be 1 to " + MAX_INTEREST_LENGTH + " characters, was "
                    + (interest == null ? "null" : interest.length() + " characters"));
        }
        if (!INTEREST.matcher(interest).matches()) {
            throw new HeraldValidationException("interest '" + interest
                    + "' has a character outside A-Z, a-z, 0-9 and _-=@,.;");
        }
        return interest;
    }

    /**
     * Checks the users of a publish.
     *
     * @param users 1 to {@value #MAX_USERS} user ids
     * @return an immutable copy
     * @throws HeraldValidationException naming the first fault
     */
    public static List<String> users(List<String> users) {
        List<String> checked = list(users, "users", MAX_USERS);
        checked.forEach(PushTargets::userId);
        return checked;
    }

    /**
     * Checks one user id: 1 to {@value #MAX_USER_ID_BYTES} bytes once encoded as UTF-8.
     *
     * @param userId the id
     * @return the id, unchanged
     * @throws HeraldValidationException when it is empty, too long or not valid Unicode
     */
    public static String userId(String userId) {
        if (userId == null || userId.isEmpty()) {
            throw new HeraldValidationException("a user id must not be empty");
        }
        int bytes = utf8Length(userId);
        if (bytes > MAX_USER_ID_BYTES) {
            throw new HeraldValidationException("a user id must be at most " + MAX_USER_ID_BYTES
                    + " bytes of UTF-8, was " + bytes);
        }
        return userId;
    }

    private static List<String> list(List<String> values, String what, int max) {
        if (values == null || values.isEmpty()) {
            throw new HeraldValidationException("a publish needs 1 to " + max + " " + what + ", got none");
        }
        if (values.size() > max) {
            throw new HeraldValidationException("a publish goes to at most " + max + " " + what + ", got " + values.size());
        }
        for (String value : values) {
            if (value == null) {
                throw new HeraldValidationException(what + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** Bytes of UTF-8, refusing a lone surrogate (which would silently become '?'). */
    private static int utf8Length(String value) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            return encoded.remaining();
        } catch (CharacterCodingException e) {
            throw new HeraldValidationException("a user id must be valid Unicode (it has a lone surrogate)");
        }
    }
}
