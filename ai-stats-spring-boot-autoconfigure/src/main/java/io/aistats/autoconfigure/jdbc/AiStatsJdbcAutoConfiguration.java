package io.aistats.autoconfigure.jdbc;

import io.aistats.autoconfigure.stream.AiStatsVideoStreamAutoConfiguration;
import io.aistats.autoconfigure.stream.AiStatsVideoStreamProperties;
import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.autoconfigure.webhook.AiStatsWebhookProperties;
import io.aistats.video.event.DispatchTransaction;
import io.aistats.video.event.JdbcProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore;
import io.aistats.video.event.SpringDispatchTransaction;
import io.aistats.video.stream.JdbcVideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatchStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the starter's JDBC stores on the application's
 * {@link DataSource}, for applications that run several instances. Acts only when a store is set to {@code jdbc}:
 * with {@code ai-stats.webhook.dedupe.store=jdbc}, the {@link JdbcProcessedEventStore} and its purge schedule, and,
 * given a {@link PlatformTransactionManager}, the {@link DispatchTransaction} that makes each synchronous hand-off of
 * an event one transaction; with {@code ai-stats.video.watch-store=jdbc}, the {@link JdbcVideoJobWatchStore} of the
 * watcher. The tables are created by the {@link AiStatsJdbcSchemaInitializer}
 * ({@code ai-stats.jdbc.*}) and checked at startup, so that a missing table fails it naming the table.
 */
@AutoConfiguration(before = { AiStatsWebhookAutoConfiguration.class, AiStatsVideoStreamAutoConfiguration.class },
        afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcClient.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnSingleCandidate(DataSource.class)
@Conditional(OnJdbcStoreCondition.class)
@EnableConfigurationProperties({ AiStatsJdbcProperties.class, AiStatsWebhookProperties.class,
        AiStatsVideoStreamProperties.class })
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class AiStatsJdbcAutoConfiguration {

    static final String DEDUPE_STORE_PROPERTY = "ai-stats.webhook.dedupe.store";

    static final String WATCH_STORE_PROPERTY = "ai-stats.video.watch-store";

    private static final String PROCESSED_EVENT_TABLE = "PROCESSED_EVENT";

    AiStatsJdbcAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    AiStatsJdbcSchemaInitializer aiStatsJdbcSchemaInitializer(DataSource dataSource,
            AiStatsJdbcProperties properties) {
        return new AiStatsJdbcSchemaInitializer(dataSource, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    AiStatsJdbcTableCheck aiStatsJdbcTableCheck(DataSource dataSource, AiStatsJdbcProperties properties,
            AiStatsWebhookProperties webhook, AiStatsVideoStreamProperties video) {
        List<String> tables = new ArrayList<>();
        if (webhook.getDedupe().getStore() == AiStatsWebhookProperties.Dedupe.Store.JDBC) {
            tables.add(properties.getTablePrefix() + PROCESSED_EVENT_TABLE);
        }
        if (video.getWatchStore() == AiStatsVideoStreamProperties.WatchStoreType.JDBC) {
            tables.add(properties.getTablePrefix() + JdbcVideoJobWatchStore.TABLE_NAME);
        }
        return new AiStatsJdbcTableCheck(dataSource, tables, properties,
                AiStatsJdbcSchemaInitializer.schemaLocations(dataSource, properties));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = DEDUPE_STORE_PROPERTY, havingValue = "jdbc")
    static class ProcessedEventStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(ProcessedEventStore.class)
        JdbcProcessedEventStore aiStatsProcessedEventStore(DataSource dataSource, AiStatsJdbcProperties properties,
                AiStatsWebhookProperties webhook) {
            return new JdbcProcessedEventStore(dataSource, properties.getTablePrefix() + PROCESSED_EVENT_TABLE,
                    webhook.getDedupe().getTtl(), Clock.systemUTC());
        }

        @Bean
        @ConditionalOnBean(JdbcProcessedEventStore.class)
        ProcessedEventPurgeSchedule aiStatsProcessedEventPurgeSchedule(ObjectProvider<JdbcProcessedEventStore> store,
                AiStatsWebhookProperties webhook) {
            return new ProcessedEventPurgeSchedule(store.getObject(), webhook.getDedupe().getPurgeInterval());
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
        SpringDispatchTransaction aiStatsDispatchTransaction(PlatformTransactionManager transactionManager) {
            return new SpringDispatchTransaction(new TransactionTemplate(transactionManager));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = WATCH_STORE_PROPERTY, havingValue = "jdbc")
    static class VideoJobWatchStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(VideoJobWatchStore.class)
        JdbcVideoJobWatchStore aiStatsVideoJobWatchStore(DataSource dataSource,
                AiStatsVideoStreamProperties properties, AiStatsJdbcProperties jdbcProperties) {
            properties.validateWatchLease();
            return new JdbcVideoJobWatchStore(dataSource, jdbcProperties.getTablePrefix(),
                    JdbcVideoJobWatchStore.newOwnerId(), properties.getWatchLease(),
                    properties.getWatchRenewInterval());
        }
    }
}
