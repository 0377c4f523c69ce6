package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Durations;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Typed reads of one YAML object's fields, with errors that name the full path
 * ({@code push.instances[0].secret: is required}); fields it does not know are errors too. Used by
 * the server's own settings and by extensions for their blocks.
 */
public final class ConfigFields {

    private final JsonNode node;
    private final String path;

    public ConfigFields(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw ConfigException.field(path.isEmpty() ? "(top level)" : path, "must be a mapping of settings");
        }
        this.node = node;
        this.path = path;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ConfigException.field(name(name), "unknown setting (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The full path of {@code field}, for error messages. */
    public String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private String scalar(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ConfigException.field(name(field), "must be a single value");
        }
        return value.asText();
    }

    public Optional<String> text(String field) {
        String value = scalar(field);
        if (value != null && value.isBlank()) {
            throw ConfigException.field(name(field), "must not be empty");
        }
        return Optional.ofNullable(value);
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> ConfigException.field(name(field), "is required"));
    }

    public Optional<Integer> integer(String field, int min, int max) {
        String value = scalar(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the range
        }
        String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        throw ConfigException.field(name(field), "must be a whole number " + range + ", was \"" + value + "\"");
    }

    public Optional<Integer> positive(String field) {
        return integer(field, 1, Integer.MAX_VALUE);
    }

    /**
     * A whole number of seconds, at least one: a bare number ({@code 120}) or any
     * {@linkplain Durations duration} that comes to whole seconds ({@code 2m}).
     */
    public Optional<Duration> seconds(String field) {
        return duration(field, d -> d.toSeconds() >= 1 && d.toSeconds() <= Integer.MAX_VALUE && d.toNanosPart() == 0,
                "must be a whole number of seconds, at least 1 (or a duration such as 2m)");
    }

    /** A {@linkplain Durations duration} ({@code 30}, {@code 250ms}, {@code 5m}, {@code PT5S}). Zero only where it means "off". */
    public Optional<Duration> duration(String field, boolean zeroAllowed) {
        return duration(field, d -> zeroAllowed || !d.isZero(),
                "must be a " + (zeroAllowed ? "" : "positive ") + "duration: " + Durations.GRAMMAR);
    }

    private Optional<Duration> duration(String field, Predicate<Duration> allowed, String rule) {
        String value = scalar(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Duration d = Durations.parse(value);
            if (allowed.test(d)) {
                return Optional.of(d);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below, with the rule
        }
        throw ConfigException.field(name(field), rule + "; was \"" + value + "\"");
    }

    public Optional<Boolean> bool(String field) {
        String value = scalar(field);
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> throw ConfigException.field(name(field), "must be true or false, was \"" + value + "\"");
        };
    }
}
