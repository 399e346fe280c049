package io.aistats.autoconfigure.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.stream.AiStatsVideoStreamAutoConfiguration;
import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.postgres.PostgresTestDatabase;
import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.VideoClient;
import io.aistats.video.event.EventSource;
import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.JdbcProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore;
import io.aistats.video.event.SpringDispatchTransaction;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.event.VideoJobEventDispatcher.Result;
import io.aistats.video.event.VideoJobEvents;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.stream.VideoJobWatch;
import io.aistats.video.stream.VideoJobWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AiStatsJdbcAutoConfiguration}: store selection, the schema's initialization modes and table
 * prefix, and the startup failures that name their property; on H2 and on a real PostgreSQL server.
 */
@ExtendWith(PostgresTestDatabase.class)
class AiStatsJdbcAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, AiStatsJdbcAutoConfiguration.class,
                AiStatsWebhookAutoConfiguration.class));

    private final ApplicationContextRunner h2 = this.runner
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    private HikariDataSource postgres;

    @AfterEach
    void closeDatabase() {
        if (this.postgres != null) {
            this.postgres.close();
        }
    }

    @Test
    void theInMemoryStoreIsTheDefaultAndNothingTouchesTheDatabase() {
        this.h2.run((context) -> {
            assertThat(context).hasSingleBean(InMemoryProcessedEventStore.class)
                .doesNotHaveBean(JdbcProcessedEventStore.class)
                .doesNotHaveBean(AiStatsJdbcSchemaInitializer.class)
                .doesNotHaveBean(SpringDispatchTransaction.class);
            assertThat(tables(context.getBean(DataSource.class))).doesNotContain("AISTATS_PROCESSED_EVENT");
        });
    }

    @Test
    void jdbcStoreOnAnEmbeddedDatabaseCreatesItsTableAndHandsOffInATransaction() {
        this.h2.withPropertyValues("ai-stats.webhook.dedupe.store=jdbc", "ai-stats.webhook.dedupe.ttl=2h")
            .run((context) -> {
                assertThat(context).hasSingleBean(JdbcProcessedEventStore.class)
                    .doesNotHaveBean(InMemoryProcessedEventStore.class)
                    .hasSingleBean(SpringDispatchTransaction.class)
                    .hasSingleBean(ProcessedEventPurgeSchedule.class)
                    .hasSingleBean(VideoJobEventDispatcher.class);
                assertThat(context.getBean(ProcessedEventStore.class))
                    .hasToString("JdbcProcessedEventStore[table=AISTATS_PROCESSED_EVENT, timeToLive=PT2H]");
                assertThat(context.getBean(AiStatsJdbcTableCheck.class).tables())
                    .containsExactly("AISTATS_PROCESSED_EVENT");
                assertThat(context.getBean(ProcessedEventPurgeSchedule.class).isRunning()).isTrue();
                VideoJobEventDispatcher dispatcher = context.getBean(VideoJobEventDispatcher.class);
                assertThat(dispatcher.dispatch(completed("G-1", EventSource.WEBHOOK))).isEqualTo(Result.PUBLISHED);
                assertThat(dispatcher.dispatch(completed("G-1", EventSource.WEBHOOK))).isEqualTo(Result.DUPLICATE);
                assertThat(completedIds(context.getBean(DataSource.class), "AISTATS_PROCESSED_EVENT"))
                    .containsExactly("evt_video_G-1_video_completed");
            });
    }

    @Test
    void withoutATransactionManagerTheJdbcStoreWorksWithoutTransactions() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    AiStatsJdbcAutoConfiguration.class, AiStatsWebhookAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "ai-stats.webhook.dedupe.store=jdbc")
            .run((context) -> {
                assertThat(context).hasSingleBean(JdbcProcessedEventStore.class)
                    .doesNotHaveBean(SpringDispatchTransaction.class);
                VideoJobEventDispatcher dispatcher = context.getBean(VideoJobEventDispatcher.class);
                assertThat(dispatcher.dispatch(completed("G-2", EventSource.WEBHOOK))).isEqualTo(Result.PUBLISHED);
                assertThat(dispatcher.dispatch(completed("G-2", EventSource.WEBHOOK))).isEqualTo(Result.DUPLICATE);
            });
    }

    @Test
    void jdbcStoreWithoutADataSourceFailsStartupNamingTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AiStatsJdbcAutoConfiguration.class,
                AiStatsWebhookAutoConfiguration.class))
            .withPropertyValues("ai-stats.webhook.dedupe.store=jdbc")
            .run((context) -> assertStoreNeedsADataSource(context.getStartupFailure()));
    }

    @Test
    void jdbcStoreWithoutSpringJdbcFailsStartupNamingTheProperty() {
        this.h2.withClassLoader(new FilteredClassLoader(JdbcClient.class))
            .withPropertyValues("ai-stats.webhook.dedupe.store=jdbc")
            .run((context) -> assertStoreNeedsADataSource(context.getStartupFailure()));
    }

    @Test
    void anApplicationStoreReplacesTheJdbcStore() {
        this.h2.withPropertyValues("ai-stats.webhook.dedupe.store=jdbc")
            .withBean("sharedStore", ProcessedEventStore.class, InMemoryProcessedEventStore::new)
            .run((context) -> assertThat(context).hasSingleBean(ProcessedEventStore.class)
                .doesNotHaveBean(JdbcProcessedEventStore.class)
                .doesNotHaveBean(ProcessedEventPurgeSchedule.class));
    }

    @Test
    void aMissingTableFailsStartupNamingTheTableAndTheProperty() {
        this.h2.withPropertyValues("ai-stats.webhook.dedupe.store=jdbc", "ai-stats.jdbc.initialize-schema=never")
            .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
                    assertThat(failure.getName()).isEqualTo("ai-stats.jdbc.initialize-schema");
                    assertThat(failure.getValue()).isEqualTo("never");
                    assertThat(failure).hasMessageContaining("table AISTATS_PROCESSED_EVENT does not exist")
                        .hasMessageContaining("set it to 'always'")
                        .hasMessageContaining("classpath:io/aistats/video/jdbc/schema-h2.sql");
                }));
    }

    @Test
    void onPostgresqlTheEmbeddedModeLeavesTheDatabaseAloneAndTheCheckNamesTheMissingTable() {
        this.postgres = PostgresTestDatabase.newDatabase("claims_auto");
        this.runner.withBean(DataSource.class, this::unclosedPostgres)
            .withPropertyValues("ai-stats.webhook.dedupe.store=jdbc")
            .run((context) -> {
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("ai-stats.jdbc.initialize-schema")
                    .hasMessageContaining("'embedded'")
                    .hasMessageContaining("table AISTATS_PROCESSED_EVENT does not exist")
                    .hasMessageContaining("schema-postgresql.sql");
                assertThat(tables(this.postgres)).isEmpty();
            });
    }

    @Test
    void onPostgresqlTheAlwaysModeCreatesThePrefixedTableInItsSchemaAndAgainOnEveryStart() {
        this.postgres = PostgresTestDatabase.newDatabase("claims_auto");
        JdbcClient.create(this.postgres).sql("CREATE SCHEMA videos").update();
        ApplicationContextRunner runner = this.runner.withBean(DataSource.class, this::unclosedPostgres)
            .withPropertyValues("ai-stats.webhook.dedupe.store=jdbc", "ai-stats.jdbc.initialize-schema=always",
                    "ai-stats.jdbc.table-prefix=videos.SHOP_");
        for (int start = 1; start <= 2; start++) {
            String videoId = "G-" + start;
            runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(AiStatsJdbcTableCheck.class).tables())
                    .containsExactly("videos.SHOP_PROCESSED_EVENT");
                assertThat(context.getBean(VideoJobEventDispatcher.class)
                    .dispatch(completed(videoId, EventSource.WEBHOOK))).isEqualTo(Result.PUBLISHED);
            });
        }
        assertThat(completedIds(this.postgres, "videos.SHOP_PROCESSED_EVENT"))
            .containsExactlyInAnyOrder("evt_video_G-1_video_completed", "evt_video_G-2_video_completed");
        assertThat(JdbcClient.create(this.postgres)
            .sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'videos' ORDER BY indexname")
            .query(String.class)
            .list()).containsExactly("shop_processed_event_pkey", "shop_processed_event_purge_ix",
                    "shop_video_watch_lease_ix", "shop_video_watch_owner_ix", "shop_video_watch_pkey");
    }

    @Test
    void theWatcherPublishesThroughTheJdbcStoreSoAWebhookOfTheSamePhaseIsADuplicate() throws Exception {
        this.postgres = PostgresTestDatabase.newDatabase("claims_watch");
        try (AiStatsGatewaySimulator simulator = AiStatsGatewaySimulator.builder()
            .manualClock(Instant.parse("2026-01-01T00:00:00Z"))
            .start()) {
            this.runner.withConfiguration(AutoConfigurations.of(AiStatsVideoAutoConfiguration.class,
                    AiStatsVideoStreamAutoConfiguration.class))
                .withBean(DataSource.class, this::unclosedPostgres)
                .withPropertyValues("ai-stats.base-url=" + simulator.baseUrl(), "ai-stats.api-key=" + simulator.apiKey(),
                        "ai-stats.video.watch=auto", "ai-stats.webhook.dedupe.store=jdbc",
                        "ai-stats.jdbc.initialize-schema=always")
                .run((context) -> {
                    assertThat(context).hasSingleBean(VideoJobEventDispatcher.class);
                    VideoJob job = context.getBean(VideoClient.class)
                        .generateVideo(VideoGenerationRequest.of("A boat"));
                    VideoJobWatch watch = context.getBean(VideoJobWatcher.class).find(job.id()).orElseThrow();
                    assertThat(simulator.streams().awaitOpened(1, Duration.ofSeconds(10))).isTrue();
                    simulator.clock().advance(Duration.ofSeconds(4));
                    assertThat(watch.whenDone().get(10, TimeUnit.SECONDS).state())
                        .isEqualTo(VideoJobWatch.State.FINISHED);

                    String prefix = "evt_video_" + job.id() + "_video_";
                    assertThat(completedIds(this.postgres, "AISTATS_PROCESSED_EVENT")).containsExactlyInAnyOrder(
                            prefix + "created", prefix + "status_changed_queued_in_progress",
                            prefix + "status_changed_in_progress_completed", prefix + "completed");
                    assertThat(context.getBean(VideoJobEventDispatcher.class)
                        .dispatch(completed(job.id(), EventSource.WEBHOOK))).isEqualTo(Result.DUPLICATE);
                });
        }
    }

    /** The PostgreSQL database, in a wrapper that a closing context does not close. */
    private DataSource unclosedPostgres() {
        return new DelegatingDataSource(this.postgres);
    }

    private static void assertStoreNeedsADataSource(Throwable failure) {
        assertThat(failure).rootCause()
            .isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
                assertThat(invalid.getName()).isEqualTo("ai-stats.webhook.dedupe.store");
                assertThat(invalid).hasMessageContaining("needs a single DataSource bean and spring-jdbc");
            });
    }

    private static io.aistats.video.event.VideoJobEvent completed(String videoId, EventSource source) {
        return VideoJobEvents.create("video.completed", "evt_video_" + videoId + "_video_completed",
                VideoJob.fromJson(Map.of("id", videoId)), "video.completed", 1, 4, null, source, Instant.EPOCH);
    }

    private static List<String> completedIds(DataSource dataSource, String table) {
        return JdbcClient.create(dataSource)
            .sql("SELECT EVENT_ID FROM " + table + " WHERE COMPLETED = TRUE")
            .query(String.class)
            .list();
    }

    private static List<String> tables(DataSource dataSource) {
        return JdbcClient.create(dataSource)
            .sql("SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_SCHEMA) "
                    + "NOT IN ('INFORMATION_SCHEMA', 'PG_CATALOG')")
            .query(String.class)
            .list();
    }
}
