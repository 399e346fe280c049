package io.aistats.autoconfigure.health;

import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code aiStats} component of {@code /actuator/health} in a reactive application, over HTTP.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class AiStatsHealthEndpointReactiveTests extends AbstractAiStatsHealthEndpointTests {

    @Override
    Class<? extends ApplicationContext> contextType() {
        return ReactiveWebApplicationContext.class;
    }
}
