package org.yishi.sync.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol's JSON: one configured Jackson 3 mapper for both sides. Reading is strict where a wrong message could
 * be mistaken for a right one (a number where a string belongs, a missing primitive, trailing tokens), and lenient
 * only about members it does not know, so a newer server can add fields without breaking older tills.
 */
public final class SyncJson {

    private final JsonMapper mapper;

    public SyncJson() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The configured mapper (the server hands it to Spring MVC so both sides read alike). */
    public JsonMapper mapper() {
        return mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public byte[] writeBytes(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /**
     * Reads a {@code type} from {@code json}.
     *
     * @throws MalformedMessageException naming what was wrong, if the text is not that type
     */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException(type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new MalformedMessageException(type.getSimpleName() + ": " + invalid.getMessage(), invalid);
        }
    }

    public <T> T read(byte[] json, Class<T> type) {
        return read(new String(json, java.nio.charset.StandardCharsets.UTF_8), type);
    }
}
