package io.aistats.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AiStatsSimulatorExtension}: one simulator per class in a static field (shared with nested
 * classes), one per test in an instance field, parameter injection with {@code @ExtendWith}, and every simulator
 * stopped once its scope ends.
 */
class AiStatsSimulatorExtensionTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @RegisterExtension
    static final AiStatsSimulatorExtension gateway = AiStatsSimulatorExtension.of((builder) -> builder.manualClock(T0));

    private static final List<AiStatsGatewaySimulator> perTestSimulators = new ArrayList<>();

    private static AiStatsGatewaySimulator atBeforeAll;

    @BeforeAll
    static void runsBeforeTheClassesBeforeAllMethods() {
        atBeforeAll = gateway.simulator();
    }

    @AfterAll
    static void everyPerTestSimulatorIsStopped() {
        assertThat(perTestSimulators).hasSize(2).allSatisfy((simulator) -> assertThat(simulator.isClosed()).isTrue());
        assertThat(gateway.simulator()).as("still running for the class").isSameAs(atBeforeAll);
        assertThat(atBeforeAll.isClosed()).isFalse();
    }

    @Test
    void aStaticFieldServesTheClassWithTheConfiguredSimulator() throws Exception {
        assertThat(gateway.simulator()).isSameAs(atBeforeAll);
        assertThat(gateway.simulator().clock().now()).isEqualTo(T0);
        assertThat(health(gateway.simulator())).isEqualTo(200);
    }

    @Test
    void theSimulatorIsUnavailableOutsideItsTests() {
        AiStatsSimulatorExtension unregistered = AiStatsSimulatorExtension.of((builder) -> builder);

        assertThatIllegalStateException().isThrownBy(unregistered::simulator).withMessageContaining("static field");
        assertThat(unregistered).hasToString("AiStatsSimulatorExtension[not running]");
    }

    static int health(AiStatsGatewaySimulator simulator) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/health")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Nested
    class WhenNested {

        @Test
        void aNestedClassSharesTheOuterClassesSimulator() {
            assertThat(gateway.simulator()).isSameAs(atBeforeAll);
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class InAnInstanceField {

        @RegisterExtension
        final AiStatsSimulatorExtension perTest = AiStatsSimulatorExtension.of((builder) -> builder);

        @Test
        @Order(1)
        void eachTestGetsAFreshSimulator() throws Exception {
            perTestSimulators.add(this.perTest.simulator());
            assertThat(this.perTest.simulator()).isNotSameAs(atBeforeAll);
            assertThat(health(this.perTest.simulator())).isEqualTo(200);
        }

        @Test
        @Order(2)
        void theNextTestGetsAnotherOne() {
            perTestSimulators.add(this.perTest.simulator());
            assertThat(perTestSimulators).hasSize(2).doesNotHaveDuplicates();
            assertThat(perTestSimulators.get(0).isClosed()).as("the first test's simulator").isTrue();
        }
    }
}
