package io.aistats.autoconfigure.health;

import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.error.AiStatsApiException;
import io.aistats.video.error.AiStatsConfigurationException;
import io.aistats.video.error.AiStatsConnectionException;
import io.aistats.video.error.AiStatsTimeoutException;
import io.aistats.video.internal.util.Durations;
import io.aistats.video.internal.util.Lazy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reports whether the AI Stats gateway answers its health route ({@code GET {base-url}/health}) and, when asked to,
 * whether it accepts the configured API key (through the zero-cost {@code GET /videos/models}).
 * <p>
 * The health call has its own short timeout and is never retried, so a slow or unreachable gateway yields a prompt
 * DOWN rather than a stalled health endpoint. A result is reused for the cache TTL: concurrent and frequent probes
 * share one gateway call. Details are {@code baseUrl}, {@code latency} (milliseconds of the health call),
 * {@code httpStatus} and, when DOWN, {@code reason} (the gateway's reason when it gave one). The API key is never part
 * of the details.
 * <p>
 * Being reactive, the indicator serves reactive applications directly and servlet applications through Spring Boot's
 * blocking adapter.
 */
public final class AiStatsHealthIndicator implements ReactiveHealthIndicator {

    /** Reason of a DOWN result when the gateway did not answer within the timeout. */
    public static final String REASON_TIMEOUT = "timeout";

    /** Reason of a DOWN result when no connection to the gateway could be made or it broke. */
    public static final String REASON_CONNECTION_FAILED = "connection_failed";

    /** Reason of a DOWN result when the key check could not be made because the client lacks configuration. */
    public static final String REASON_CLIENT_NOT_CONFIGURED = "client_not_configured";

    /** Reason of a DOWN result on any other failure; the {@code error} detail says more. */
    public static final String REASON_CHECK_FAILED = "check_failed";

    private final Lazy<WebClient> webClient;

    private final URI healthUri;

    private final String baseUrlDetail;

    private final @Nullable ReactiveVideoClient keyVerifier;

    private final Duration timeout;

    private final Duration cacheTtl;

    private final Clock clock;

    private final AtomicReference<@Nullable CachedCheck> lastCheck = new AtomicReference<>();

    /**
     * Creates an indicator for the gateway of a video client, whose {@link WebClient} is built on the first health
     * check.
     * @param videoClient the client whose gateway (base URL) and API key are checked
     * @param webClient supplies the client of the unauthenticated health call, asked once, on the first check; it
     * should not retry
     * @param properties timeout, key verification and cache TTL
     * @throws IllegalArgumentException when the timeout is not positive or the cache TTL is negative
     */
    public AiStatsHealthIndicator(ReactiveVideoClient videoClient, Supplier<WebClient> webClient,
            AiStatsHealthProperties properties) {
        this(videoClient, webClient, properties, Clock.systemUTC());
    }

    AiStatsHealthIndicator(ReactiveVideoClient videoClient, Supplier<WebClient> webClient,
            AiStatsHealthProperties properties, Clock clock) {
        this.timeout = Durations.requirePositive(properties.getTimeout(), "ai-stats.health.timeout");
        this.cacheTtl = Objects.requireNonNull(properties.getCacheTtl(), "ai-stats.health.cache-ttl must not be null");
        if (this.cacheTtl.isNegative()) {
            throw new IllegalArgumentException("ai-stats.health.cache-ttl must not be negative, was " + this.cacheTtl);
        }
        this.webClient = Lazy.of(Objects.requireNonNull(webClient, "webClient must not be null"));
        URI baseUrl = videoClient.settings().baseUrl();
        this.healthUri = URI.create(baseUrl + "/health");
        this.baseUrlDetail = withoutUserInfo(baseUrl).toString();
        // the key check answers for the health endpoint, so it gets the same patience and no retries
        this.keyVerifier = properties.isVerifyKey()
                ? videoClient.withSettings((settings) -> settings.maxRetries(0).responseTimeout(this.timeout)) : null;
        this.clock = clock;
    }

    /**
     * Checks the gateway, or returns the result of a check started less than the cache TTL ago.
     * @return UP when the gateway answers (and accepts the key, if verified); DOWN with a reason otherwise. Never
     * signals an error.
     */
    @Override
    public Mono<Health> health() {
        Instant now = this.clock.instant();
        CachedCheck cached = this.lastCheck.get();
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.result();
        }
        // cache() shares one gateway call between every probe that arrives while it runs and until it expires
        CachedCheck fresh = new CachedCheck(check().cache(), now.plus(this.cacheTtl));
        if (this.lastCheck.compareAndSet(cached, fresh)) {
            return fresh.result();
        }
        return Objects.requireNonNull(this.lastCheck.get()).result();
    }

    private Mono<Health> check() {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return this.webClient.get().get()
                .uri(this.healthUri)
                .exchangeToMono((response) -> answer(response, started))
                .timeout(this.timeout)
                .flatMap(this::health)
                .onErrorResume((ex) -> Mono.just(failure(ex, elapsedMillis(started))));
        });
    }

    private Mono<Answer> answer(ClientResponse response, long started) {
        int status = response.statusCode().value();
        long latency = elapsedMillis(started);
        if (response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().thenReturn(new Answer(status, latency, null));
        }
        return response.bodyToMono(byte[].class)
            .map((body) -> new Answer(status, latency, GatewayReason.of(status, body)))
            .defaultIfEmpty(new Answer(status, latency, GatewayReason.of(status, new byte[0])));
    }

    private Mono<Health> health(Answer answer) {
        Health.Builder health = details(answer.latencyMillis()).withDetail("httpStatus", answer.status());
        if (answer.downReason() != null) {
            return Mono.just(health.down().withDetail("reason", answer.downReason()).build());
        }
        if (this.keyVerifier == null) {
            return Mono.just(health.up().build());
        }
        return this.keyVerifier.listVideoModels()
            .timeout(this.timeout)
            .map((models) -> health.up().withDetail("keyVerified", true).build())
            .onErrorResume((ex) -> Mono.just(keyFailure(health, ex)));
    }

    private Health keyFailure(Health.Builder health, Throwable failure) {
        if (failure instanceof AiStatsApiException apiFailure) {
            return health.down()
                .withDetail("keyVerified", false)
                .withDetail("httpStatus", apiFailure.statusCode())
                .withDetail("reason", GatewayReason.of(apiFailure))
                .build();
        }
        return withFailure(health.down().withDetail("keyVerified", false), failure).build();
    }

    private Health failure(Throwable failure, long latencyMillis) {
        return withFailure(details(latencyMillis).down(), failure).build();
    }

    private static Health.Builder withFailure(Health.Builder health, Throwable failure) {
        if (isTimeout(failure)) {
            return health.withDetail("reason", REASON_TIMEOUT);
        }
        if (failure instanceof AiStatsConfigurationException) {
            // its message names the missing property, never a value
            return health.withDetail("reason", REASON_CLIENT_NOT_CONFIGURED).withException(failure);
        }
        if (failure instanceof WebClientRequestException || failure instanceof AiStatsConnectionException) {
            return health.withDetail("reason", REASON_CONNECTION_FAILED).withException(failure);
        }
        return health.withDetail("reason", REASON_CHECK_FAILED).withException(failure);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof AiStatsTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Health.Builder details(long latencyMillis) {
        return Health.unknown().withDetail("baseUrl", this.baseUrlDetail).withDetail("latency", latencyMillis);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /**
     * The base URL as shown in the details: credentials embedded in it ({@code https://user:secret@host}) stay out.
     */
    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException("Base URL without user info is not a URI", ex);
        }
    }

    private record Answer(int status, long latencyMillis, @Nullable String downReason) {
    }

    private record CachedCheck(Mono<Health> result, Instant expiresAt) {
    }
}
