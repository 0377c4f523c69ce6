package io.herald.sdk.notification;

import io.herald.protocol.Check;
import io.herald.sdk.HeraldValidationException;

/** The package's argument checks; each failure is a {@link HeraldValidationException} naming the argument. */
final class Require {

    private Require() {
    }

    static String text(String value, String name) {
        return Check.notBlank(value, name, HeraldValidationException::new);
    }

    static <T> T present(T value, String name) {
        return Check.notNull(value, name, HeraldValidationException::new);
    }
}
