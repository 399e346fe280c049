package io.aistats.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, with values shown: the configured key, management key and webhook secrets are masked in
 * {@code /actuator/env} and {@code /actuator/configprops} also where they appear inside other properties' values,
 * such as a command line that passed them as arguments.
 */
@SpringBootTest(classes = SecretValueSanitizingEndpointTests.ActuatorApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        args = { "--ai-stats.api-key=" + SecretValueSanitizingEndpointTests.API_KEY,
                "--ai-stats.management-key=" + SecretValueSanitizingEndpointTests.MANAGEMENT_KEY },
        properties = { "spring.main.web-application-type=servlet",
                "management.endpoints.web.exposure.include=env,configprops",
                "spring.security.user.name=ops", "spring.security.user.password=ops-password",
                "management.endpoint.env.show-values=ALWAYS", "management.endpoint.configprops.show-values=ALWAYS",
                "ai-stats.webhook.secret=" + SecretValueSanitizingEndpointTests.WEBHOOK_SECRET,
                "ai-stats.webhook.secrets[0]=" + SecretValueSanitizingEndpointTests.OLD_WEBHOOK_SECRET,
                "launch.command=app.jar --ai-stats.api-key=" + SecretValueSanitizingEndpointTests.API_KEY
                        + " --ai-stats.management-key=" + SecretValueSanitizingEndpointTests.MANAGEMENT_KEY
                        + " --ai-stats.webhook.secret=" + SecretValueSanitizingEndpointTests.WEBHOOK_SECRET,
                "demo.callback-url=https://hooks.example.com/cb?s=" + SecretValueSanitizingEndpointTests.OLD_WEBHOOK_SECRET
                        + "&k=" + SecretValueSanitizingEndpointTests.API_KEY })
class SecretValueSanitizingEndpointTests {

    static final String API_KEY = "phaseo_v1_sk_cli123_apisecretvalue";

    static final String MANAGEMENT_KEY = "phaseo_v1_mk_cli123_mgmtsecretvalue";

    static final String WEBHOOK_SECRET = "whsec_currentSecretValue0123456789abcdefghijk";

    static final String OLD_WEBHOOK_SECRET = "whsec_previousSecretValue0123456789abcdefghi";

    @LocalServerPort
    private int port;

    @Test
    void envMasksCredentialsInsideOtherValues() throws Exception {
        String env = get("/actuator/env");
        assertNoCredential(env);
        assertThat(env).contains("app.jar --ai-stats.api-key=****** --ai-stats.management-key=****** "
                + "--ai-stats.webhook.secret=******")
            .contains("https://hooks.example.com/cb?s=******&k=******")
            .contains("\"spring.main.web-application-type\"");
        assertThat(get("/actuator/env/launch.command")).contains("--ai-stats.api-key=******");
        assertNoCredential(get("/actuator/env/launch.command"));
        assertNoCredential(get("/actuator/env/sun.java.command"));
    }

    @Test
    void configpropsMasksCredentialsInsideOtherValues() throws Exception {
        String configprops = get("/actuator/configprops");
        assertNoCredential(configprops);
        assertThat(configprops).contains("https://hooks.example.com/cb?s=******&k=******");
    }

    private static void assertNoCredential(String body) {
        assertThat(body).isNotEmpty()
            .doesNotContain(API_KEY)
            .doesNotContain(MANAGEMENT_KEY)
            .doesNotContain(WEBHOOK_SECRET)
            .doesNotContain(OLD_WEBHOOK_SECRET)
            .doesNotContain("apisecretvalue")
            .doesNotContain("mgmtsecretvalue");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .timeout(Duration.ofSeconds(30))
                // with Spring Security on the classpath the actuator asks for a login
                .header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("ops:ops-password".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(DemoProperties.class)
    static class ActuatorApplication {

    }

    @ConfigurationProperties("demo")
    static class DemoProperties {

        private String callbackUrl = "";

        public String getCallbackUrl() {
            return this.callbackUrl;
        }

        public void setCallbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
        }
    }
}
