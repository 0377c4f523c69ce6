package io.herald.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.Check;

/** The default {@link JsonSerializer}, backed by a Jackson {@link ObjectMapper}. */
public final class JacksonSerializer implements JsonSerializer {

    private final ObjectMapper mapper;

    /** Uses a plain {@link ObjectMapper}. */
    public JacksonSerializer() {
        this(new ObjectMapper());
    }

    /**
     * Uses {@code mapper} as configured (modules, naming strategy…).
     *
     * @param mapper the mapper; not null, and not to be reconfigured while in use
     * @throws HeraldValidationException when the mapper is null
     */
    public JacksonSerializer(ObjectMapper mapper) {
        this.mapper = Check.notNull(mapper, "mapper", HeraldValidationException::new);
    }

    @Override
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new HeraldValidationException("data could not be serialised to JSON: " + e.getOriginalMessage(), e);
        }
    }
}
