package io.aistats.autoconfigure.health;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.context.WebApplicationContext;

/**
 * The {@code aiStats} component of {@code /actuator/health} in a servlet application, over HTTP.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class AiStatsHealthEndpointServletTests extends AbstractAiStatsHealthEndpointTests {

    @Override
    Class<? extends ApplicationContext> contextType() {
        return WebApplicationContext.class;
    }
}
