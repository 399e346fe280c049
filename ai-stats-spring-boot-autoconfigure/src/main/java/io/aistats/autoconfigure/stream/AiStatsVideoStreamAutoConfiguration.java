package io.aistats.autoconfigure.stream;

import io.aistats.autoconfigure.AiStatsVideoAutoConfiguration;
import io.aistats.autoconfigure.webhook.AiStatsWebhookAutoConfiguration;
import io.aistats.video.ReactiveVideoClient;
import io.aistats.video.VideoJobCreationListener;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.model.JobStreamSettings;
import io.aistats.video.model.WebSocketUrlOptions;
import io.aistats.video.stream.InMemoryVideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatchStore;
import io.aistats.video.stream.VideoJobWatcher;
import io.aistats.video.stream.VideoJobWatcherSettings;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the lifecycle stream and the {@link VideoJobWatcher}, bound
 * from {@code ai-stats.video.*}: the {@link JobStreamSettings} the video client streams with, the watcher (whenever
 * a video client and the event dispatcher exist) and, with {@code ai-stats.video.watch=auto}, the listener that
 * watches every job the client creates. The watched jobs are recorded in memory or, with
 * {@code ai-stats.video.watch-store=jdbc}, in the application's {@code DataSource} (the store comes with
 * {@code AiStatsJdbcAutoConfiguration}). Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = { AiStatsVideoAutoConfiguration.class, AiStatsWebhookAutoConfiguration.class },
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "ai-stats.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AiStatsVideoStreamProperties.class)
public final class AiStatsVideoStreamAutoConfiguration {

    private static final String PREFIX = "ai-stats.video.";

    AiStatsVideoStreamAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    JobStreamSettings aiStatsJobStreamSettings(AiStatsVideoStreamProperties properties) {
        AiStatsVideoStreamProperties.Stream stream = properties.getStream();
        AiStatsVideoStreamProperties.positive(stream.getKeepAlive(), "stream.keep-alive");
        AiStatsVideoStreamProperties.positive(stream.getIdleTimeout(), "stream.idle-timeout");
        if (stream.getIdleTimeout().compareTo(stream.getKeepAlive()) <= 0) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "stream.idle-timeout",
                    stream.getIdleTimeout(), "must be longer than ai-stats.video.stream.keep-alive ("
                            + stream.getKeepAlive() + ")");
        }
        AiStatsVideoStreamProperties.positive(stream.getReconnectInitialBackoff(), "stream.reconnect-initial-backoff");
        AiStatsVideoStreamProperties.positive(stream.getReconnectMaxBackoff(), "stream.reconnect-max-backoff");
        if (stream.getReconnectMaxBackoff().compareTo(stream.getReconnectInitialBackoff()) < 0) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "stream.reconnect-max-backoff",
                    stream.getReconnectMaxBackoff(), "must not be shorter than "
                            + "ai-stats.video.stream.reconnect-initial-backoff (" + stream.getReconnectInitialBackoff()
                            + ")");
        }
        if (stream.getPollInterval() != null) {
            AiStatsVideoStreamProperties.positive(stream.getPollInterval(), "stream.poll-interval");
        }
        return new JobStreamSettings(stream.getKeepAlive(), stream.getIdleTimeout(),
                stream.getReconnectInitialBackoff(), stream.getReconnectMaxBackoff(), stream.getPollInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ ReactiveVideoClient.class, VideoJobEventDispatcher.class })
    VideoJobWatcher aiStatsVideoJobWatcher(ReactiveVideoClient client, VideoJobEventDispatcher dispatcher,
            AiStatsVideoStreamProperties properties, ObjectProvider<VideoJobWatchStore> store) {
        if (properties.getMaxConcurrentWatches() < 1) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "max-concurrent-watches",
                    properties.getMaxConcurrentWatches(), "must be at least 1");
        }
        AiStatsVideoStreamProperties.positive(properties.getWatchTimeout(), "watch-timeout");
        Duration interval = properties.getStream().getInterval();
        if (interval != null) {
            AiStatsVideoStreamProperties.positive(interval, "stream.interval");
        }
        WebSocketUrlOptions options = (interval != null) ? WebSocketUrlOptions.interval(interval)
                : WebSocketUrlOptions.defaults();
        VideoJobWatcherSettings settings = new VideoJobWatcherSettings(properties.getMaxConcurrentWatches(),
                properties.getWatchTimeout(), options, Schedulers::boundedElastic);
        return new VideoJobWatcher(client, dispatcher, watchStore(properties, store), settings);
    }

    @Bean
    @ConditionalOnMissingBean(VideoJobWatchStore.class)
    @ConditionalOnProperty(name = "ai-stats.video.watch-store", havingValue = "memory", matchIfMissing = true)
    InMemoryVideoJobWatchStore aiStatsVideoJobWatchStore() {
        return new InMemoryVideoJobWatchStore();
    }

    @Bean
    @ConditionalOnProperty(name = "ai-stats.video.watch", havingValue = "auto")
    VideoJobCreationListener aiStatsAutoWatchCreationListener(ObjectProvider<VideoJobWatcher> watcher) {
        return new AutoWatchCreationListener(watcher);
    }

    private static VideoJobWatchStore watchStore(AiStatsVideoStreamProperties properties,
            ObjectProvider<VideoJobWatchStore> store) {
        VideoJobWatchStore available = store.getIfAvailable();
        if (available != null) {
            return available;
        }
        if (properties.getWatchStore() == AiStatsVideoStreamProperties.WatchStoreType.JDBC) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "watch-store", "jdbc",
                    "needs a DataSource bean and spring-jdbc (spring-boot-starter-jdbc); the application has none");
        }
        return new InMemoryVideoJobWatchStore();
    }
}
