package io.aistats.autoconfigure.jdbc;

import io.aistats.video.event.JdbcProcessedEventStore;
import io.aistats.video.stream.JdbcVideoJobWatchStore;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the starter's JDBC stores and its table check wait for database initialization (among it the
 * {@link AiStatsJdbcSchemaInitializer}). Registered in {@code META-INF/spring.factories}; finds nothing without
 * spring-jdbc.
 */
class AiStatsJdbcDependsOnDatabaseInitializationDetector implements DependsOnDatabaseInitializationDetector {

    private static final boolean JDBC_PRESENT = ClassUtils.isPresent(
            "org.springframework.jdbc.core.simple.JdbcClient",
            AiStatsJdbcDependsOnDatabaseInitializationDetector.class.getClassLoader());

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        if (!JDBC_PRESENT) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : List.of(JdbcProcessedEventStore.class, JdbcVideoJobWatchStore.class,
                AiStatsJdbcTableCheck.class)) {
            names.addAll(List.of(beanFactory.getBeanNamesForType(type, true, false)));
        }
        return names;
    }
}
