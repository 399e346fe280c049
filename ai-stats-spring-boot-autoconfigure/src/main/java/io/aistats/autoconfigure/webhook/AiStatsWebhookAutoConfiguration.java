package io.aistats.autoconfigure.webhook;

import io.aistats.video.event.DispatchTransaction;
import io.aistats.video.event.InMemoryProcessedEventStore;
import io.aistats.video.event.ProcessedEventStore;
import io.aistats.video.event.VideoJobEventDispatcher;
import io.aistats.video.event.VideoJobEventObservationConvention;
import io.aistats.video.webhook.WebhookDeliveryObservationConvention;
import io.aistats.video.webhook.WebhookDeliveryParser;
import io.aistats.video.webhook.WebhookProcessor;
import io.aistats.video.webhook.WebhookVerifier;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the machinery that turns job updates into
 * {@code VideoJobEvent}s: the {@link ProcessedEventStore} (in memory unless {@code ai-stats.webhook.dedupe.store=jdbc}
 * selects the JDBC store of {@code AiStatsJdbcAutoConfiguration}) and the {@link VideoJobEventDispatcher} (shared by
 * every path that observes jobs, in a {@link DispatchTransaction} when there is one), and, once a webhook signing secret is set ({@code ai-stats.webhook.secret} or
 * {@code ai-stats.webhook.secrets}), the {@link WebhookVerifier}, {@link WebhookDeliveryParser} and
 * {@link WebhookProcessor} behind the webhook endpoints. Every bean backs off when the application defines its own.
 * <p>
 * The verifier, parser and processor are lazy: the endpoints create them for the first delivery, so that they cost
 * nothing at startup. Their properties are checked when they are bound, so a bad value still fails startup.
 * <p>
 * With an {@link ObservationRegistry} bean, the dispatcher observes every event as {@code aistats.video.events} and
 * the processor every delivery as {@code aistats.webhook.deliveries}, named by a
 * {@link VideoJobEventObservationConvention} or {@link WebhookDeliveryObservationConvention} bean when there is one.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@EnableConfigurationProperties(AiStatsWebhookProperties.class)
public final class AiStatsWebhookAutoConfiguration {

    private static final String STORE_PROPERTY = AiStatsWebhookProperties.PREFIX + ".dedupe.store";

    AiStatsWebhookAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(ProcessedEventStore.class)
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "memory", matchIfMissing = true)
    InMemoryProcessedEventStore aiStatsProcessedEventStore(AiStatsWebhookProperties properties) {
        AiStatsWebhookProperties.Dedupe dedupe = properties.getDedupe();
        return new InMemoryProcessedEventStore(dedupe.getCapacity(), dedupe.getTtl(), Clock.systemUTC());
    }

    /**
     * Reached only when the JDBC auto-configuration could not create the store: fails startup naming the property.
     */
    @Bean
    @ConditionalOnMissingBean(ProcessedEventStore.class)
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "jdbc")
    ProcessedEventStore aiStatsJdbcProcessedEventStoreUnavailable() {
        throw new InvalidConfigurationPropertyValueException(STORE_PROPERTY, "jdbc",
                "it needs a single DataSource bean and spring-jdbc (for example spring-boot-starter-jdbc with "
                        + "spring.datasource.url), and neither the DataSource nor a ProcessedEventStore bean exists");
    }

    @Bean
    @ConditionalOnMissingBean
    VideoJobEventDispatcher aiStatsVideoJobEventDispatcher(ApplicationEventPublisher publisher,
            ProcessedEventStore processedEventStore, AiStatsWebhookProperties properties,
            ObjectProvider<DispatchTransaction> transaction, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<VideoJobEventObservationConvention> observationConvention) {
        VideoJobEventDispatcher dispatcher = new VideoJobEventDispatcher(publisher, processedEventStore,
                properties.getDedupe().getLease(), transaction.getIfUnique());
        dispatcher.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
        dispatcher.setObservationConvention(observationConvention.getIfAvailable());
        return dispatcher;
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnWebhookSecretCondition.class)
    static class WebhookReceiverConfiguration {

        private static final Log logger = LogFactory.getLog(WebhookReceiverConfiguration.class);

        @Bean
        @Lazy
        @ConditionalOnMissingBean
        WebhookVerifier aiStatsWebhookVerifier(AiStatsWebhookProperties properties) {
            return new WebhookVerifier(properties.resolveSecrets(), properties.getTolerance(), Clock.systemUTC());
        }

        @Bean
        @Lazy
        @ConditionalOnMissingBean
        WebhookDeliveryParser aiStatsWebhookDeliveryParser() {
            return new WebhookDeliveryParser();
        }

        @Bean
        @Lazy
        @ConditionalOnMissingBean
        WebhookProcessor aiStatsWebhookProcessor(WebhookVerifier verifier, WebhookDeliveryParser parser,
                VideoJobEventDispatcher dispatcher, AiStatsWebhookProperties properties, BeanFactory beanFactory,
                ObjectProvider<Executor> executors, ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<WebhookDeliveryObservationConvention> observationConvention) {
            Executor asyncExecutor = properties.isAsync() ? asyncExecutor(beanFactory, executors) : null;
            WebhookProcessor processor = new WebhookProcessor(verifier, parser, dispatcher,
                    properties.getMaxPayloadSize(), asyncExecutor);
            processor.setObservationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
            processor.setObservationConvention(observationConvention.getIfAvailable());
            return processor;
        }

        /**
         * The application's task executor: Boot's {@code applicationTaskExecutor}, else the only executor bean,
         * else a thread per event.
         */
        private static Executor asyncExecutor(BeanFactory beanFactory, ObjectProvider<Executor> executors) {
            String name = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME;
            if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, Executor.class)) {
                return beanFactory.getBean(name, Executor.class);
            }
            @Nullable Executor unique = executors.getIfUnique();
            if (unique != null) {
                return unique;
            }
            logger.info("No application task executor found; asynchronous webhook events get a thread each");
            return new SimpleAsyncTaskExecutor("ai-stats-webhook-");
        }
    }
}
