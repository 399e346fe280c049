package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.test.SimulatedWebhookEndpoint;
import io.aistats.video.VideoClient;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * With an API key, as against the real gateway (the simulator is not part of the application here): job events come
 * from the job watcher, unless a public webhook URL and its endpoint's signing secret are configured; then the
 * application finds that endpoint and names it in every job.
 */
class PublicWebhookTests {

    private static final String PUBLIC_URL = "http://127.0.0.1:9/ai-stats/webhooks";

    private final AiStatsGatewaySimulator gateway = AiStatsGatewaySimulator.builder()
        .allowLocalWebhookUrls(true)
        .manualClock()
        .start();

    @AfterEach
    void stopGateway() {
        this.gateway.close();
    }

    @Test
    void findsTheEndpointOfThePublicUrlAndNamesItInEveryJob() {
        SimulatedWebhookEndpoint endpoint = this.gateway.webhooks()
            .createEndpoint(PUBLIC_URL, List.of("video.completed", "video.failed"));
        this.gateway.webhooks().createEndpoint("http://127.0.0.1:9/another/receiver", List.of());

        try (ConfigurableApplicationContext context = run("sample.webhook.public-url=" + PUBLIC_URL,
                "ai-stats.webhook.secret=" + endpoint.signingSecret())) {
            assertThat(context.getBean(JobTracking.class).byWebhook()).isTrue();
            assertThat(context.getEnvironment().getProperty(WebhookSetup.ENDPOINT_ID)).isEqualTo(endpoint.id());
            VideoJob job = context.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("a calm ocean"));
            assertThat(this.gateway.jobs().get(String.valueOf(job.id())).webhookEndpointId()).hasValue(endpoint.id());
        }
    }

    @Test
    void refusesToStartWhenNoEndpointHasThePublicUrl() {
        this.gateway.webhooks().createEndpoint("http://127.0.0.1:9/another/receiver", List.of());

        assertThatIllegalStateException()
            .isThrownBy(() -> run("sample.webhook.public-url=" + PUBLIC_URL,
                    "ai-stats.webhook.secret=whsec_configured"))
            .withMessageContaining("No active webhook endpoint of the gateway has the URL " + PUBLIC_URL)
            .withMessageContaining("sample.webhook.public-url");
    }

    @Test
    void withoutAPublicUrlTheJobWatcherBringsTheEvents() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBean(JobTracking.class).byWebhook()).isFalse();
            assertThat(context.getEnvironment().getProperty(WebhookSetup.ENDPOINT_ID)).isNull();
            assertThat(this.gateway.webhooks().endpoints()).isEmpty();
        }
    }

    private ConfigurableApplicationContext run(String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "ai-stats.base-url=" + this.gateway.baseUrl(), "ai-stats.api-key=" + this.gateway.apiKey(),
                "ai-stats.management-key=" + this.gateway.managementKey()));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(SampleApplication.class).properties(all.toArray(String[]::new)).run();
    }
}
