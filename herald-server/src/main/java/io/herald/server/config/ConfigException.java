package io.herald.server.config;

import io.herald.protocol.HeraldException;

/** A configuration file, variable or flag that can't be used; the message names the field. */
public final class ConfigException extends HeraldException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ConfigException field(String field, String problem) {
        return new ConfigException(field + ": " + problem);
    }
}
