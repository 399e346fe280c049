package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection: failures with realistic bodies, scoping, counting, latency, cut connections, garbled JSON.
 */
class SimulatorFaultsTests {

    private static final String CREATE = "{\"model\":\"openai/sora-2\",\"prompt\":\"A paper boat\"}";

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock().start();
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    @Test
    void failNext429OnCreateIsShapeBKeyLimitAndCreatesNoJob() {
        this.simulator.faults().failNext(1, 429);
        GatewayHttp.Response response = this.http.post("/v1/videos", CREATE);
        assertThat(response.status()).isEqualTo(429);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("generation_id", "status_code", "error", "error_type",
                "error_origin", "description");
        assertThat(body.get("error").stringValue()).isEqualTo("key_limit_exceeded");
        assertThat(body.get("status_code").intValue()).isEqualTo(429);
        assertThat(response.header("X-Gateway-Error-Attribution")).isEqualTo("user");
        assertThat(response.header("Retry-After")).isNull();
        assertThat(this.simulator.jobs().all()).isEmpty();
        assertThat(this.simulator.requestCount("POST", "/v1/videos")).isEqualTo(1);
        assertThat(this.http.post("/v1/videos", CREATE).status()).isEqualTo(200);
    }

    @Test
    void failNext429ElsewhereIsShapeA() {
        this.simulator.faults().failNext(1, 429);
        GatewayHttp.Response response = this.http.get("/v1/videos?limit=1");
        assertThat(response.status()).isEqualTo(429);
        JsonNode body = response.json();
        assertThat(body.get("error").stringValue()).isEqualTo("key_limit_exceeded");
        assertThat(body.get("request_id").stringValue()).isEqualTo(body.get("generation_id").stringValue());
        assertThat(body.get("error_type").stringValue()).isEqualTo("user");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void failNext500IsPlainTextAnd502IsUpstreamError() {
        this.simulator.faults().failNext(1, 500).failNext(1, 502);
        GatewayHttp.Response first = this.http.get("/v1/videos/models");
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body()).isEqualTo("Internal Server Error");
        assertThat(first.header("Content-Type")).startsWith("text/plain");
        GatewayHttp.Response second = this.http.get("/v1/videos/models");
        assertThat(second.status()).isEqualTo(502);
        assertThat(second.json().get("error").stringValue()).isEqualTo("upstream_error");
        assertThat(second.json().get("error_type").stringValue()).isEqualTo("system");
        assertThat(second.json().get("error_origin").stringValue()).isEqualTo("upstream");
        assertThat(this.http.get("/v1/videos/models").status()).isEqualTo(200);
    }

    @Test
    void faultsCountWhenConsumedAndSkipHealthUnlessScopedToIt() {
        this.simulator.faults().failNext(2, 503);
        assertThat(this.http.call("GET", "/v1/health").send().status()).isEqualTo(200);
        assertThat(this.simulator.faults().pending()).isEqualTo(2);
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(503);
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(503);
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(200);
        assertThat(this.simulator.faults().pending()).isZero();

        this.simulator.faults().failNext(1, 503, "GET", "/v1/health");
        assertThat(this.http.call("GET", "/v1/health").send().status()).isEqualTo(503);
    }

    @Test
    void scopedFaultsHitOnlyMatchingRequests() {
        String id = this.http.create(CREATE);
        this.simulator.faults().failNext(1, 502, "GET", "/v1/videos/");
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(200);
        assertThat(this.http.post("/v1/videos", CREATE).status()).isEqualTo(200);
        assertThat(this.http.get("/v1/videos/" + id).status()).isEqualTo(502);
        assertThat(this.http.get("/v1/videos/" + id).status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysResponsesUntilReset() {
        this.http.get("/v1/videos?limit=1");
        this.simulator.faults().latency(Duration.ofMillis(1500));
        long started = System.nanoTime();
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        this.simulator.faults().reset();
        started = System.nanoTime();
        this.http.get("/v1/videos?limit=1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void dropConnectionMidBodyCutsTheResponse() {
        String id = this.http.create(CREATE);
        this.simulator.jobs().complete(id);
        this.simulator.contentSize(1024 * 1024);
        this.simulator.faults().dropConnectionMidBody(1);
        assertThatThrownBy(() -> this.http.get("/v1/videos/" + id + "/content"))
                .isInstanceOf(UncheckedIOException.class);
        GatewayHttp.Response whole = this.http.get("/v1/videos/" + id + "/content");
        assertThat(whole.bytes()).hasSize(1024 * 1024);
    }

    @Test
    void truncateContentWithALengthSendsHalfOfTheAnnouncedBody() {
        String id = completedMegabyteVideo();
        this.simulator.faults().truncateContent(1, true);

        RawHttp.Response cut = RawHttp.exchange(this.simulator.port(), contentRequest(id));

        assertThat(cut.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 1048576")
                .doesNotContainIgnoringCase("transfer-encoding");
        assertThat(cut.body()).hasSize(512 * 1024);
        assertThat(this.simulator.faults().pending()).isZero();
        assertThat(this.http.get("/v1/videos/" + id + "/content").bytes()).hasSize(1024 * 1024);
    }

    @Test
    void truncateContentWithoutALengthEndsTheChunkedBodyWithoutItsLastChunk() {
        String id = completedMegabyteVideo();
        this.simulator.faults().truncateContent(1, false);

        RawHttp.Response cut = RawHttp.exchange(this.simulator.port(), contentRequest(id));

        assertThat(cut.head()).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
                .doesNotContainIgnoringCase("content-length");
        assertThat(cut.body()).isNotEmpty().doesNotEndWith("0\r\n\r\n");
        assertThat(dechunk(cut.body())).hasSize(512 * 1024);
        assertThat(this.http.get("/v1/videos/" + id + "/content").bytes()).hasSize(1024 * 1024);
    }

    @Test
    void truncateContentAppliesToDownloadsOnly() {
        String id = this.http.create(CREATE);
        this.simulator.jobs().complete(id);
        this.simulator.faults().truncateContent(1, false);

        assertThat(this.http.get("/v1/videos/" + id).status()).isEqualTo(200);
        assertThat(this.simulator.faults().pending()).isEqualTo(1);
    }

    private String completedMegabyteVideo() {
        String id = this.http.create(CREATE);
        this.simulator.jobs().complete(id);
        this.simulator.contentSize(1024 * 1024);
        return id;
    }

    private String contentRequest(String id) {
        return "GET /v1/videos/" + id + "/content HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + this.simulator.apiKey() + "\r\nConnection: close\r\n\r\n";
    }

    /** The data of a chunked body, up to where it ends (complete chunks only). */
    private static String dechunk(String body) {
        StringBuilder data = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return data.toString();
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0 || lineEnd + 2 + size > body.length()) {
                return data.toString();
            }
            data.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    @Test
    void dropConnectionMidBodyAlsoCutsJson() {
        this.simulator.faults().dropConnectionMidBody(1, "GET", "/v1/videos");
        assertThatThrownBy(() -> this.http.get("/v1/videos/models"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(this.http.get("/v1/videos/models").status()).isEqualTo(200);
    }

    @Test
    void garbleNextAnswers200WithTruncatedJson() {
        this.simulator.faults().garbleNext(1);
        GatewayHttp.Response response = this.http.get("/v1/videos?limit=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.body()).startsWith("{\"id\":\"G-");
        assertThatThrownBy(response::json).isInstanceOf(JacksonException.class);
        assertThat(this.http.get("/v1/videos?limit=1").json().get("object").stringValue()).isEqualTo("list");
    }

    @Test
    void resetDisarmsEverything() {
        this.simulator.faults().failNext(3, 500).garbleNext(2).dropConnectionMidBody(1);
        assertThat(this.simulator.faults().pending()).isEqualTo(6);
        this.simulator.faults().reset();
        assertThat(this.simulator.faults().pending()).isZero();
        assertThat(this.http.get("/v1/videos?limit=1").status()).isEqualTo(200);
    }

    @Test
    void rejectsNonErrorStatuses() {
        assertThatThrownBy(() -> this.simulator.faults().failNext(1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> this.simulator.faults().failNext(0, 500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultedRequestsAreRecorded() {
        this.simulator.faults().failNext(1, 500);
        this.http.get("/v1/videos?limit=1");
        assertThat(this.simulator.requests()).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/v1/videos"));
    }
}
