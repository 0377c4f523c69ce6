package io.herald.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of one YAML object's fields, with errors that name the full path
 * ({@code push.instances[0].secret: is required}); fields it does not know are errors too. Used by
 * the server's own settings and by extensions for their blocks.
 */
public final class ConfigFields {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

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

    public Optional<Duration> seconds(String field) {
        return integer(field, 1, Integer.MAX_VALUE).map(Duration::ofSeconds);
    }

    /**
     * A duration: a whole number of seconds, or a number with a unit ({@code 250ms}, {@code 3s},
     * {@code 5m}, {@code 1h}). Zero only where it means "off".
     */
    public Optional<Duration> duration(String field, boolean zeroAllowed) {
        String value = scalar(field);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(value.trim());
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                Duration d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
                if (zeroAllowed || !d.isZero()) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException | ArithmeticException ignored) {
                // reported below
            }
        }
        throw ConfigException.field(name(field), "must be a " + (zeroAllowed ? "" : "positive ")
                + "duration: seconds, or a number with ms, s, m or h (250ms, 3s, 5m), was \"" + value + "\"");
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
