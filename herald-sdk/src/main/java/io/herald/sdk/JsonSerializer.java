package io.herald.sdk;

/**
 * Turns event data objects into the JSON string that travels as an event's {@code data}. Plug your
 * own (Gson, JSON-B…) into {@link HeraldRestOptions.Builder#serializer(JsonSerializer)}; the default is
 * {@link JacksonSerializer}. Strings are never passed here: they are sent as they are.
 */
@FunctionalInterface
public interface JsonSerializer {

    String toJson(Object value);
}
