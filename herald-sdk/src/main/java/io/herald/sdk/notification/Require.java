package io.herald.sdk.notification;

import io.herald.sdk.HeraldValidationException;

/** The package's argument checks; each failure is a {@link HeraldValidationException} naming the argument. */
final class Require {

    private Require() {
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new HeraldValidationException(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new HeraldValidationException(name + " must not be null");
        }
        return value;
    }
}
