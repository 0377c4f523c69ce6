package io.herald.sdk;

/**
 * Turns event data objects into the JSON string that travels as an event's {@code data}. Plug your
 * own (Gson, JSON-B…) into {@link HeraldRestOptions.Builder#serializer(JsonSerializer)}; the default is
 * {@link JacksonSerializer}. Strings are never passed here: they are sent as they are.
 */
@FunctionalInterface
public interface JsonSerializer {

    /**
     * Writes one value as JSON.
     *
     * @param value the event data or user info; never a {@link String}
     * @return its JSON text
     * @throws HeraldValidationException when the value can't be written
     */
    String toJson(Object value);
}
