package io.aistats.video.model;

import io.aistats.video.error.VideoRequestValidationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProviderRoutingTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void serialisesTypedMembersAndExtrasInTheOrderSet() {
        ProviderRouting routing = ProviderRouting.builder()
            .order("google-vertex", "google-ai-studio")
            .only("google-vertex", "google-ai-studio", "openai")
            .ignore("fal")
            .allowFallbacks(false)
            .requireParameters(true)
            .dataCollection(false)
            .zdr(true)
            .sort("price")
            .maxPrice(Map.of("request", 0.5))
            .extra("preferred_max_latency", 2000)
            .extra("future_hint", Map.of("level", 3))
            .build();

        assertThat(this.mapper.writeValueAsString(routing)).isEqualTo("{\"order\":[\"google-vertex\","
                + "\"google-ai-studio\"],\"only\":[\"google-vertex\",\"google-ai-studio\",\"openai\"],"
                + "\"ignore\":[\"fal\"],\"allow_fallbacks\":false,\"require_parameters\":true,"
                + "\"data_collection\":\"deny\",\"zdr\":true,\"sort\":\"price\",\"max_price\":{\"request\":0.5},"
                + "\"preferred_max_latency\":2000,\"future_hint\":{\"level\":3}}");
        assertThat(routing.order()).containsExactly("google-vertex", "google-ai-studio");
        assertThat(routing.only()).hasSize(3);
        assertThat(routing.ignore()).containsExactly("fal");
        assertThat(routing.allowFallbacks()).isFalse();
        assertThat(routing.sort()).isEqualTo("price");
        assertThat(routing.get("future_hint")).isEqualTo(Map.of("level", 3));
        assertThat(routing.members()).isUnmodifiable();
    }

    @Test
    void sortMayBeAnObject() {
        ProviderRouting routing = ProviderRouting.builder().sort(Map.of("by", "latency")).build();

        assertThat(this.mapper.writeValueAsString(routing)).isEqualTo("{\"sort\":{\"by\":\"latency\"}}");
        assertThat(ProviderRouting.builder().build().order()).isEmpty();
        assertThat(ProviderRouting.builder().build().allowFallbacks()).isNull();
    }

    @Test
    void aMapIsCheckedMemberByMemberAndCamelCaseIsSentInSnakeCase() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("order", List.of("openai"));
        members.put("allowFallbacks", true);
        members.put("new_member", "kept");

        ProviderRouting routing = ProviderRouting.of(members);

        assertThat(routing.members()).containsExactly(Map.entry("order", List.of("openai")),
                Map.entry("allow_fallbacks", true), Map.entry("new_member", "kept"));
        assertThat(routing.toBuilder().build()).isEqualTo(routing).hasSameHashCodeAs(routing);
    }

    @Test
    void refusesWhatTheGatewayRefuses() {
        assertInvalid(() -> ProviderRouting.of(Map.of("order", "openai")), "provider.order", "a list of strings");
        assertInvalid(() -> ProviderRouting.of(Map.of("only", List.of("openai", 1))), "provider.only",
                "a list of strings");
        assertInvalid(() -> ProviderRouting.of(Map.of("sort", 1)), "provider.sort", "a string or an object");
        assertInvalid(() -> ProviderRouting.of(Map.of("allowFallbacks", "yes")), "provider.allow_fallbacks",
                "a boolean");
        assertInvalid(() -> ProviderRouting.of(Map.of("data_collection", "maybe")), "provider.data_collection",
                "'allow' or 'deny'");
        assertInvalid(() -> ProviderRouting.of(Map.of("max_price", Map.of("request", true))), "provider.max_price",
                "numbers or numeric strings");
        assertInvalid(() -> ProviderRouting.builder().extra("future_hint", null).build(), "provider.future_hint",
                "must not be null");
        assertInvalid(() -> ProviderRouting.builder().order("openai", null), "provider.order", "a list of strings");
    }

    @Test
    void aRequestSendsTheTypedRoutingAndRefusesAMistypedMap() {
        VideoGenerationRequest request = VideoGenerationRequest.builder()
            .prompt("p")
            .provider(ProviderRouting.builder().only("openai").allowFallbacks(false).build())
            .build();

        assertThat(this.mapper.writeValueAsString(request))
            .isEqualTo("{\"prompt\":\"p\",\"provider\":{\"only\":[\"openai\"],\"allow_fallbacks\":false}}");
        assertThat(request.provider().only()).containsExactly("openai");
        assertThat(VideoGenerationRequest.builder().prompt("p").provider(ProviderRouting.builder().build()).build()
            .provider()).isNull();
        assertInvalid(() -> VideoGenerationRequest.builder().prompt("p").provider(Map.of("order", "openai")),
                "provider.order", "a list of strings");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String message) {
        assertThatExceptionOfType(VideoRequestValidationException.class).isThrownBy(call)
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo(field))
            .withMessageContaining(message);
    }
}
