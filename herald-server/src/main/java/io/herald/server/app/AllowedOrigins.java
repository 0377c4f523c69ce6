package io.herald.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The browser origins ({@code https://www.example.com}) allowed to use something, or {@code *} for
 * any. An app's WebSocket handshakes and the push device API both check the {@code Origin} header
 * against one of these.
 *
 * @param origins {@code scheme://host[:port]} values, or {@code *}; never empty
 */
public record AllowedOrigins(List<String> origins) {

    /** Any origin: the default. */
    public static final AllowedOrigins ANY = new AllowedOrigins(List.of("*"));

    public AllowedOrigins {
        origins = List.copyOf(origins);
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("allowed origins must list at least one origin, or *");
        }
        for (String origin : origins) {
            if (!isValid(origin)) {
                throw new IllegalArgumentException("origins look like https://example.com (no path), or *; was \""
                        + origin + "\"");
            }
        }
    }

    private static boolean isValid(String origin) {
        return origin.equals("*") || origin.matches("https?://[^/\\s]+");
    }

    /**
     * Reads a YAML list, or one comma-separated string (as an environment variable gives it); null
     * or missing is {@link #ANY}. Errors name {@code field}.
     */
    public static AllowedOrigins parse(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return ANY;
        }
        List<String> origins = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(o -> origins.add(o.asText().trim()));
        } else if (node.isValueNode()) {
            Arrays.stream(node.asText().split(",")).map(String::trim).forEach(origins::add);
        }
        origins.removeIf(String::isEmpty);
        try {
            return new AllowedOrigins(origins);
        } catch (IllegalArgumentException e) {
            throw ConfigException.field(field, e.getMessage());
        }
    }

    public boolean any() {
        return origins.contains("*");
    }

    /** Whether a request with this {@code Origin} header is allowed; a missing header is not an origin. */
    public boolean allows(String origin) {
        return origin != null && (any() || origins.contains(origin));
    }
}
