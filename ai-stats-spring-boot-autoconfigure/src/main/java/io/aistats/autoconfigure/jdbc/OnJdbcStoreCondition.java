package io.aistats.autoconfigure.jdbc;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Matches when one of the starter's stores is set to {@code jdbc}.
 */
class OnJdbcStoreCondition extends AnyNestedCondition {

    OnJdbcStoreCondition() {
        super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(name = AiStatsJdbcAutoConfiguration.DEDUPE_STORE_PROPERTY, havingValue = "jdbc")
    static class ProcessedEventStore {

    }

    @ConditionalOnProperty(name = AiStatsJdbcAutoConfiguration.WATCH_STORE_PROPERTY, havingValue = "jdbc")
    static class VideoJobWatchStore {

    }
}
