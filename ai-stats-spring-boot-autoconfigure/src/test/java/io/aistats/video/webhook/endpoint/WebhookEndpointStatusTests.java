package io.aistats.video.webhook.endpoint;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointStatusTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void isAnOpenVocabulary() {
        assertThat(WebhookEndpointStatus.ACTIVE.isKnown()).isTrue();
        assertThat(WebhookEndpointStatus.of("paused").isKnown()).isFalse();
        assertThat(WebhookEndpointStatus.of("Paused")).isEqualTo(WebhookEndpointStatus.of("paused"));
        assertThat(this.mapper.writeValueAsString(WebhookEndpointStatus.of("Paused"))).isEqualTo("\"Paused\"");
        assertThat(this.mapper.readValue("\"DISABLED\"", WebhookEndpointStatus.class))
            .isSameAs(WebhookEndpointStatus.DISABLED);
    }
}
