package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A provider that serves a {@link VideoModel}.
 * @param id public provider id, for example {@code openai} or {@code x-ai}
 * @param supportedParams parameters this provider supports ({@code supported_params} or {@code supported_parameters})
 * @param supportedParamsDetail parameter name to free-form details
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoModelProvider(@JsonProperty("id") @Nullable String id,
        @JsonProperty("supported_params") List<String> supportedParams,
        @JsonProperty("supported_params_detail") Map<String, Object> supportedParamsDetail) {

    /** Copies the collections; {@code null} ones become empty. */
    public VideoModelProvider {
        supportedParams = Wire.copyOrEmpty(supportedParams);
        supportedParamsDetail = Wire.objectOrEmpty(supportedParamsDetail);
    }

    /**
     * Reads a provider from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the provider
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoModelProvider fromJson(Map<String, ?> members) {
        return new VideoModelProvider(Wire.string(members.get("id")),
                Wire.stringsOrEmpty(Wire.first(members, "supported_params", "supported_parameters")),
                Wire.objectOrEmpty(Wire.first(members, "supported_params_detail", "supported_parameters_detail")));
    }
}
