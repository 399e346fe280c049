package io.aistats.video.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aistats.video.error.AiStatsDecodingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the transport: lenient when reading (unknown members are ignored, so new gateway fields never
 * break decoding) and omitting {@code null} members when writing (the gateway rejects {@code null} for optional
 * create fields).
 */
public final class GatewayJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();

    private GatewayJson() {
    }

    /**
     * @return the shared, immutable mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a successful response body.
     * @param body the complete body
     * @param type the type to read
     * @param statusCode the HTTP status, for the error
     * @param operation the call, for the error, for example {@code GET /videos/{id}}
     * @param <T> the type to read
     * @return the decoded value
     * @throws AiStatsDecodingException when the body is empty, not JSON, truncated or of another shape
     */
    public static <T> T decode(byte[] body, Class<T> type, int statusCode, String operation) {
        if (body.length == 0) {
            throw new AiStatsDecodingException(
                "Gateway answered " + operation + " with HTTP " + statusCode + " and an empty body", statusCode, null);
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new AiStatsDecodingException("Gateway answered " + operation + " with HTTP " + statusCode
                    + " and a JSON null instead of " + type.getSimpleName(), statusCode, null);
            }
            return value;
        }
        catch (JacksonException ex) {
            throw new AiStatsDecodingException("Could not decode the gateway's answer to " + operation + " (HTTP "
                + statusCode + ", " + body.length + " bytes) as " + type.getSimpleName() + ": "
                + ex.getOriginalMessage(), statusCode, ex);
        }
    }

    /**
     * Writes a request body.
     * @param value the body
     * @return the JSON bytes, without {@code null} members
     */
    public static byte[] encode(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
