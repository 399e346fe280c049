package io.aistats.autoconfigure.health;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClientSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The indicator against the gateway simulator, over real sockets.
 */
class AiStatsHealthIndicatorTests {

    private static final Duration BLOCK = Duration.ofSeconds(10);

    private static AiStatsGatewaySimulator gateway;

    @BeforeAll
    static void startGateway() {
        gateway = AiStatsGatewaySimulator.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void resetGateway() {
        gateway.faults().reset();
        gateway.clearRequests();
    }

    private ApplicationContextRunner contextRunner(String... properties) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                    AiStatsHealthContributorAutoConfiguration.class))
            .withPropertyValues("ai-stats.base-url=" + gateway.baseUrl(), "ai-stats.api-key=" + gateway.apiKey())
            .withPropertyValues(properties);
    }

    private static Health health(AiStatsHealthIndicator indicator) {
        Health health = indicator.health().block(BLOCK);
        assertThat(health).isNotNull();
        assertThat(health.toString()).doesNotContain(gateway.apiKey());
        return health;
    }

    @Test
    void upWithDetailsWhenTheGatewayAnswers() {
        contextRunner().run((context) -> {
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("baseUrl", gateway.baseUrl().toString())
                .containsEntry("httpStatus", 200)
                .containsOnlyKeys("baseUrl", "httpStatus", "latency");
            assertThat(health.getDetails().get("latency")).isInstanceOfSatisfying(Long.class,
                    (latency) -> assertThat(latency).isBetween(0L, BLOCK.toMillis()));
            assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
            // without verify-key, nothing authenticated is called
            assertThat(gateway.requestCount(null, "/v1/videos")).isZero();
        });
    }

    @Test
    void downWithTheHttpStatusWhenTheGatewayAnswers503() {
        gateway.faults().failNext(1, 503, "GET", "/v1/health");
        contextRunner().run((context) -> {
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("httpStatus", 503)
                .containsEntry("baseUrl", gateway.baseUrl().toString())
                .containsKey("latency");
            // the reason member of the gateway's error body
            assertThat(health.getDetails()).containsEntry("reason", "video_provider_timeout");
            // the health call is never retried, unlike the video client's safe requests
            assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
        });
    }

    @Test
    void downWithTheHttpStatusWhenTheBaseUrlIsWrong() {
        contextRunner("ai-stats.base-url=" + gateway.origin() + "/v2").run((context) -> {
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("httpStatus", 404).containsEntry("reason", "http_404");
        });
    }

    @Test
    void downAfterTheTimeoutWhenTheGatewayIsSlow() {
        gateway.faults().latency(Duration.ofSeconds(5));
        contextRunner("ai-stats.health.timeout=300ms").run((context) -> {
            long started = System.nanoTime();
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", AiStatsHealthIndicator.REASON_TIMEOUT)
                .doesNotContainKey("httpStatus");
            assertThat((Long) health.getDetails().get("latency")).isBetween(300L, 4_000L);
            assertThat(tookMillis).isLessThan(4_000L);
        });
    }

    @Test
    void downWhenNothingListensAtTheBaseUrl() {
        AiStatsGatewaySimulator stopped = AiStatsGatewaySimulator.start();
        String baseUrl = stopped.baseUrl().toString();
        stopped.close();
        contextRunner("ai-stats.base-url=" + baseUrl).run((context) -> {
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", AiStatsHealthIndicator.REASON_CONNECTION_FAILED)
                .containsKey("error");
        });
    }

    @Test
    void verifiedKeyIsUp() {
        contextRunner("ai-stats.health.verify-key=true").run((context) -> {
            Health health = health(context.getBean(AiStatsHealthIndicator.class));
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("keyVerified", true).containsEntry("httpStatus", 200);
            assertThat(gateway.requestCount("GET", "/v1/videos/models")).isOne();
        });
    }

    @Test
    void revokedKeyIsDownWithTheGatewaysReason() {
        String unknownKey = "phaseo_v1_sk_revoked01_doesnotexist";
        contextRunner("ai-stats.health.verify-key=true", "ai-stats.api-key=" + unknownKey).run((context) -> {
            Health health = context.getBean(AiStatsHealthIndicator.class).health().block(BLOCK);
            assertThat(health).isNotNull();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "key_not_found_or_revoked")
                .containsEntry("httpStatus", 401)
                .containsEntry("keyVerified", false);
            assertThat(health.toString()).doesNotContain(unknownKey).doesNotContain("doesnotexist");
            // an authentication failure is final: one attempt, no retries
            assertThat(gateway.requestCount("GET", "/v1/videos/models")).isOne();
        });
    }

    @Test
    void missingKeyIsDownWhenTheKeyIsVerified() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                    AiStatsHealthContributorAutoConfiguration.class))
            .withPropertyValues("ai-stats.base-url=" + gateway.baseUrl(), "ai-stats.health.verify-key=true")
            .run((context) -> {
                Health health = context.getBean(AiStatsHealthIndicator.class).health().block(BLOCK);
                assertThat(health).isNotNull();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("keyVerified", false)
                    .containsEntry("reason", AiStatsHealthIndicator.REASON_CLIENT_NOT_CONFIGURED)
                    .containsEntry("httpStatus", 200);
                assertThat(health.getDetails().get("error")).asString().contains("ai-stats.api-key");
                // nothing is sent without a key
                assertThat(gateway.requestCount(null, "/v1/videos")).isZero();
            });
    }

    @Test
    void frequentProbesShareOneGatewayCallWithinTheCacheTtl() {
        contextRunner().run((context) -> {
            AiStatsHealthIndicator indicator = context.getBean(AiStatsHealthIndicator.class);
            for (int i = 0; i < 5; i++) {
                assertThat(health(indicator).getStatus()).isEqualTo(Status.UP);
            }
            assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
        });
    }

    @Test
    void concurrentProbesShareOneGatewayCall() {
        gateway.faults().latency(Duration.ofMillis(300));
        contextRunner().run((context) -> {
            AiStatsHealthIndicator indicator = context.getBean(AiStatsHealthIndicator.class);
            List<Health> results = Flux.range(0, 8)
                .flatMap((i) -> Mono.defer(indicator::health))
                .collectList()
                .block(BLOCK);
            assertThat(results).hasSize(8).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
            assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
        });
    }

    @Test
    void gatewayIsAskedAgainOnceTheCacheTtlHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        AiStatsHealthProperties properties = new AiStatsHealthProperties();
        properties.setCacheTtl(Duration.ofSeconds(10));
        AiStatsHealthIndicator indicator = new AiStatsHealthIndicator(videoClient(), WebClient::create, properties,
                clock);
        health(indicator);
        clock.advance(Duration.ofSeconds(9));
        health(indicator);
        assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
        clock.advance(Duration.ofSeconds(1));
        health(indicator);
        assertThat(gateway.requestCount("GET", "/v1/health")).isEqualTo(2);
    }

    @Test
    void zeroCacheTtlChecksOnEveryProbe() {
        contextRunner("ai-stats.health.cache-ttl=0s").run((context) -> {
            AiStatsHealthIndicator indicator = context.getBean(AiStatsHealthIndicator.class);
            health(indicator);
            health(indicator);
            health(indicator);
            assertThat(gateway.requestCount("GET", "/v1/health")).isEqualTo(3);
        });
    }

    @Test
    void downResultsAreCachedToo() {
        gateway.faults().failNext(1, 503, "GET", "/v1/health");
        contextRunner().run((context) -> {
            AiStatsHealthIndicator indicator = context.getBean(AiStatsHealthIndicator.class);
            assertThat(health(indicator).getStatus()).isEqualTo(Status.DOWN);
            assertThat(health(indicator).getStatus()).isEqualTo(Status.DOWN);
            assertThat(gateway.requestCount("GET", "/v1/health")).isOne();
        });
    }

    @Test
    void credentialsInTheBaseUrlStayOutOfTheDetails() {
        String baseUrl = "http://user:s3cret@127.0.0.1:" + gateway.port() + "/v1";
        AiStatsHealthIndicator indicator = new AiStatsHealthIndicator(
                ReactiveVideoClient.create(WebClient.builder(), VideoClientSettings.builder().baseUrl(baseUrl).build()),
                WebClient::create, new AiStatsHealthProperties());
        Health health = health(indicator);
        assertThat(health.getDetails()).containsEntry("baseUrl", gateway.baseUrl().toString());
        assertThat(health.toString()).doesNotContain("s3cret");
    }

    @Test
    void invalidSettingsNameTheProperty() {
        AiStatsHealthProperties zeroTimeout = new AiStatsHealthProperties();
        zeroTimeout.setTimeout(Duration.ZERO);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new AiStatsHealthIndicator(videoClient(), WebClient::create, zeroTimeout))
            .withMessageContaining("ai-stats.health.timeout");
        AiStatsHealthProperties negativeTtl = new AiStatsHealthProperties();
        negativeTtl.setCacheTtl(Duration.ofSeconds(-1));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new AiStatsHealthIndicator(videoClient(), WebClient::create, negativeTtl))
            .withMessageContaining("ai-stats.health.cache-ttl");
    }

    private static ReactiveVideoClient videoClient() {
        return ReactiveVideoClient.create(WebClient.builder(),
                VideoClientSettings.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build());
    }

    /** A clock that tests move forward. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public Instant instant() {
            return this.now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
