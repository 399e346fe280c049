package io.aistats.autoconfigure.stream;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.jdbc.AiStatsJdbcAutoConfiguration;
import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.stream.InMemoryVideoJobWatchStore;
import io.aistats.video.stream.JdbcVideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatch;
import io.aistats.video.stream.VideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatcher;
import io.aistats.video.stream.VideoJobWatcherSettings;
import io.aistats.video.stream.WatchTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AiStatsVideoStreamAutoConfiguration}.
 */
class AiStatsVideoStreamAutoConfigurationTests {

    private AiStatsGatewaySimulator simulator;

    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2026-01-01T00:00:00Z")).start();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                    AiStatsWebhookAutoConfiguration.class, AiStatsVideoStreamAutoConfiguration.class))
            .withPropertyValues("ai-stats.base-url=" + this.simulator.baseUrl(),
                    "ai-stats.api-key=" + this.simulator.apiKey());
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    @Test
    void providesTheWatcherAndTheStreamSettingsWithTheirDefaults() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(VideoJobWatcher.class).hasSingleBean(JobStreamSettings.class)
                .doesNotHaveBean(VideoJobCreationListener.class);
            VideoJobWatcher watcher = context.getBean(VideoJobWatcher.class);
            assertThat(watcher.settings().maxConcurrentWatches()).isEqualTo(100);
            assertThat(watcher.settings().watchTimeout()).isEqualTo(Duration.ofMinutes(30));
            JobStreamSettings settings = context.getBean(JobStreamSettings.class);
            assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(75));
            assertThat(settings.pollInterval()).isNull();
        });
    }

    @Test
    void bindsTheProperties() {
        this.runner.withPropertyValues("ai-stats.video.max-concurrent-watches=5", "ai-stats.video.watch-timeout=10m",
                "ai-stats.video.stream.keep-alive=10s", "ai-stats.video.stream.idle-timeout=25s",
                "ai-stats.video.stream.poll-interval=2s", "ai-stats.video.stream.reconnect-initial-backoff=200ms",
                "ai-stats.video.stream.reconnect-max-backoff=5s").run((context) -> {
                    VideoJobWatcher watcher = context.getBean(VideoJobWatcher.class);
                    assertThat(watcher.settings().maxConcurrentWatches()).isEqualTo(5);
                    assertThat(watcher.settings().watchTimeout()).isEqualTo(Duration.ofMinutes(10));
                    JobStreamSettings settings = context.getBean(JobStreamSettings.class);
                    assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(25));
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.reconnectInitialBackoff()).isEqualTo(Duration.ofMillis(200));
                    assertThat(settings.reconnectMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void jobsCreatedThroughTheClientAreNotWatchedByDefault() {
        this.runner.run((context) -> {
            VideoJob job = context.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("A boat"));

            assertThat(context.getBean(VideoJobWatcher.class).find(job.id())).isEmpty();
            assertThat(this.simulator.streams().openedCount()).isZero();
        });
    }

    @Test
    void watchAutoWatchesEveryJobCreatedThroughTheClientAndPublishesItsEvents() {
        this.runner.withUserConfiguration(RecordingListenerConfiguration.class)
            .withPropertyValues("ai-stats.video.watch=auto")
            .run((context) -> {
                assertThat(context).hasSingleBean(VideoJobCreationListener.class);
                BlockingQueue<VideoJobEvent> events = context.getBean(RecordingListenerConfiguration.class).events;

                VideoJob job = context.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("A boat"));

                VideoJobWatch watch = context.getBean(VideoJobWatcher.class).find(job.id()).orElseThrow();
                assertThat(this.simulator.streams().awaitOpened(1, Duration.ofSeconds(10))).isTrue();
                this.simulator.clock().advance(Duration.ofSeconds(4));
                assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state())
                    .isEqualTo(VideoJobWatch.State.FINISHED);
                assertThat(events).extracting(VideoJobEvent::eventId).containsExactly(
                        "evt_video_" + job.id() + "_video_created",
                        "evt_video_" + job.id() + "_video_status_changed_queued_in_progress",
                        "evt_video_" + job.id() + "_video_status_changed_in_progress_completed",
                        "evt_video_" + job.id() + "_video_completed");
                assertThat(events).extracting(VideoJobEvent::source).containsOnly(EventSource.STREAM);
                assertThat(events).last().isInstanceOf(VideoJobCompletedEvent.class);
            });
    }

    @Test
    void watchesStopWhenTheContextCloses() {
        VideoJobWatch[] watch = new VideoJobWatch[1];
        this.runner.withPropertyValues("ai-stats.video.watch=auto").run((context) -> {
            VideoJob job = context.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("A boat"));
            watch[0] = context.getBean(VideoJobWatcher.class).find(job.id()).orElseThrow();
            assertThat(this.simulator.streams().awaitOpened(1, Duration.ofSeconds(10))).isTrue();
        });

        assertThat(watch[0].state()).isEqualTo(VideoJobWatch.State.CANCELLED);
        assertThat(this.simulator.streams().awaitOpen(0, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void anApplicationWatcherReplacesTheAutoConfiguredOne() {
        this.runner.withUserConfiguration(CustomWatcherConfiguration.class).run((context) -> {
            assertThat(context).hasSingleBean(VideoJobWatcher.class);
            assertThat(context.getBean(VideoJobWatcher.class).settings().maxConcurrentWatches()).isEqualTo(3);
        });
    }

    @Test
    void backsOffWhenTheClientIsDisabled() {
        this.runner.withPropertyValues("ai-stats.enabled=false").run((context) -> assertThat(context)
            .doesNotHaveBean(VideoJobWatcher.class).doesNotHaveBean(JobStreamSettings.class));
    }

    @Test
    void aMaxConcurrentWatchesBelowOneFailsNamingTheProperty() {
        this.runner.withPropertyValues("ai-stats.video.max-concurrent-watches=0").run((context) -> assertThat(context)
            .getFailure().rootCause().hasMessageContaining("ai-stats.video.max-concurrent-watches"));
    }

    @Test
    void anIdleTimeoutNotLongerThanTheKeepAliveFailsNamingTheProperty() {
        this.runner.withPropertyValues("ai-stats.video.stream.keep-alive=30s", "ai-stats.video.stream.idle-timeout=30s")
            .run((context) -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ai-stats.video.stream.idle-timeout")
                .hasMessageContaining("ai-stats.video.stream.keep-alive"));
    }

    @Test
    void watchesAreRecordedInMemoryByDefault() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(InMemoryVideoJobWatchStore.class);
            assertThat(context.getBean(VideoJobWatcher.class).store())
                .isSameAs(context.getBean(InMemoryVideoJobWatchStore.class));
        });
    }

    @Test
    void withTheJdbcWatchStoreTheRowExistsBeforeGenerateVideoReturns() {
        this.runner.withConfiguration(AutoConfigurations.of(AiStatsJdbcAutoConfiguration.class))
            .withUserConfiguration(H2Configuration.class)
            .withPropertyValues("ai-stats.video.watch=auto", "ai-stats.video.watch-store=jdbc",
                    "ai-stats.jdbc.table-prefix=APP_", "ai-stats.video.watch-lease=1m",
                    "ai-stats.video.watch-renew-interval=5s")
            .run((context) -> {
                JdbcVideoJobWatchStore store = context.getBean(JdbcVideoJobWatchStore.class);
                assertThat(context.getBean(VideoJobWatcher.class).store()).isSameAs(store);
                assertThat(store.lease()).isEqualTo(Duration.ofMinutes(1));
                assertThat(store.renewInterval()).contains(Duration.ofSeconds(5));

                VideoJob job = context.getBean(VideoClient.class).generateVideo(VideoGenerationRequest.of("A boat"));

                assertThat(JdbcClient.create(context.getBean(DataSource.class))
                    .sql("SELECT OWNER_ID FROM APP_VIDEO_WATCH WHERE JOB_ID = ?")
                    .param(job.id())
                    .query(String.class)
                    .single()).isEqualTo(store.ownerId());
            });
    }

    @Test
    void anApplicationWatchStoreReplacesTheAutoConfiguredOne() {
        InMemoryVideoJobWatchStore store = new InMemoryVideoJobWatchStore();
        this.runner.withBean(VideoJobWatchStore.class, () -> store)
            .withPropertyValues("ai-stats.video.watch-store=jdbc")
            .run((context) -> assertThat(context.getBean(VideoJobWatcher.class).store()).isSameAs(store));
    }

    @Test
    void theJdbcWatchStoreWithoutADataSourceFailsNamingTheProperty() {
        this.runner.withPropertyValues("ai-stats.video.watch-store=jdbc").run((context) -> assertThat(context)
            .getFailure().rootCause().hasMessageContaining("ai-stats.video.watch-store")
            .hasMessageContaining("DataSource"));
    }

    @Test
    void anUnknownWatchStoreFailsNamingTheProperty() {
        this.runner.withPropertyValues("ai-stats.video.watch-store=redis").run((context) -> assertThat(
                Stream.iterate(context.getStartupFailure(), Objects::nonNull, Throwable::getCause))
            .filteredOn(BindException.class::isInstance)
            .singleElement()
            .extracting(Throwable::getMessage)
            .asString()
            .contains("ai-stats.video.watch-store"));
    }

    @Test
    void aRenewIntervalNotShorterThanTheLeaseFailsNamingTheProperty() {
        this.runner.withConfiguration(AutoConfigurations.of(AiStatsJdbcAutoConfiguration.class))
            .withUserConfiguration(H2Configuration.class)
            .withPropertyValues("ai-stats.video.watch-store=jdbc", "ai-stats.video.watch-lease=10s",
                    "ai-stats.video.watch-renew-interval=10s")
            .run((context) -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ai-stats.video.watch-renew-interval")
                .hasMessageContaining("ai-stats.video.watch-lease"));
    }

    @Test
    void aLeaseThatIsNotPositiveFailsNamingTheProperty() {
        this.runner.withConfiguration(AutoConfigurations.of(AiStatsJdbcAutoConfiguration.class))
            .withUserConfiguration(H2Configuration.class)
            .withPropertyValues("ai-stats.video.watch-store=jdbc", "ai-stats.video.watch-lease=0s")
            .run((context) -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ai-stats.video.watch-lease"));
    }

    @Configuration(proxyBeanMethods = false)
    static class H2Configuration {

        @Bean
        EmbeddedDatabase dataSource() {
            EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .build();
            WatchTable.create(database, "h2", "APP_");
            return database;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingListenerConfiguration {

        final BlockingQueue<VideoJobEvent> events = new LinkedBlockingQueue<>();

        @EventListener
        void on(VideoJobEvent event) {
            this.events.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomWatcherConfiguration {

        @Bean
        VideoJobWatcher customWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher) {
            return new VideoJobWatcher(client, dispatcher, new InMemoryVideoJobWatchStore(),
                    new VideoJobWatcherSettings(3, Duration.ofMinutes(1), WebSocketUrlOptions.defaults(),
                            Schedulers::boundedElastic));
        }
    }
}
