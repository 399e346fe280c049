package io.aistats.video.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A video model of the catalogue.
 * @param model gateway model id, for example {@code openai/sora-2}
 * @param name display name
 * @param status {@code active}
 * @param inputTypes for example {@code text}, {@code image}
 * @param outputTypes {@code video}
 * @param supportedParams request parameters the model supports ({@code supported_params}, or its alias
 * {@code supported_parameters})
 * @param supportedParamsDetail parameter name to free-form details such as allowed values
 * @param providers the providers that serve the model
 * @param pricing free-form pricing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoModel(@JsonProperty("model") @Nullable String model,
        @JsonProperty("name") @Nullable String name,
        @JsonProperty("status") @Nullable String status,
        @JsonProperty("input_types") List<String> inputTypes,
        @JsonProperty("output_types") List<String> outputTypes,
        @JsonProperty("supported_params") List<String> supportedParams,
        @JsonProperty("supported_params_detail") Map<String, Object> supportedParamsDetail,
        @JsonProperty("providers") List<VideoModelProvider> providers,
        @JsonProperty("pricing") Map<String, Object> pricing) {

    /** Copies the collections; {@code null} ones become empty. */
    public VideoModel {
        inputTypes = Wire.copyOrEmpty(inputTypes);
        outputTypes = Wire.copyOrEmpty(outputTypes);
        supportedParams = Wire.copyOrEmpty(supportedParams);
        supportedParamsDetail = Wire.objectOrEmpty(supportedParamsDetail);
        providers = Wire.copyOrEmpty(providers);
        pricing = Wire.objectOrEmpty(pricing);
    }

    /**
     * Reads a model from its decoded JSON members; unknown members are ignored.
     * @param members the JSON object
     * @return the model
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VideoModel fromJson(Map<String, ?> members) {
        return new VideoModel(Wire.string(members.get("model")), Wire.string(members.get("name")),
                Wire.string(members.get("status")), Wire.stringsOrEmpty(members.get("input_types")),
                Wire.stringsOrEmpty(members.get("output_types")),
                Wire.stringsOrEmpty(Wire.first(members, "supported_params", "supported_parameters")),
                Wire.objectOrEmpty(Wire.first(members, "supported_params_detail", "supported_parameters_detail")),
                Wire.objects(members.get("providers"), VideoModelProvider::fromJson),
                Wire.objectOrEmpty(members.get("pricing")));
    }

    /**
     * @param param a request parameter, for example {@code seed}
     * @return whether the model lists it as supported
     */
    public boolean supports(String param) {
        return this.supportedParams.contains(param);
    }
}
