package io.aistats.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/videos} (§3.2): limit quirks, status filter, order, after, the 101-job window, list items.
 */
class ListVideosTests {

    private AiStatsGatewaySimulator simulator;

    private GatewayHttp http;

    @BeforeEach
    void start() {
        this.simulator = AiStatsGatewaySimulator.builder().manualClock(Instant.parse("2026-01-01T00:00:00Z")).start();
        this.http = new GatewayHttp(this.simulator);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    /** Creates jobs one second apart; returns their ids oldest first. */
    private List<String> createJobs(int count, String model) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(this.http.create("{\"model\":\"" + model + "\",\"prompt\":\"job " + i + "\"}"));
            this.simulator.clock().advance(Duration.ofMillis(1));
        }
        return ids;
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").values().forEach(item -> ids.add(item.get("id").stringValue()));
        return ids;
    }

    @Test
    void aMissingLimitGivesAnEmptyPageThatHasMore() {
        GatewayHttp.Response empty = this.http.get("/v1/videos");
        assertThat(empty.body())
                .isEqualTo("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}");
        assertThat(empty.header("Cache-Control")).isEqualTo("no-store");
        createJobs(1, "openai/sora-2");
        assertThat(this.http.get("/v1/videos").body())
                .isEqualTo("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":true}");
        assertThat(this.http.get("/v1/videos?limit=").json().get("data")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"abc,50", "-1,0", "2.9,2", "1e3,100", "100,100", "101,100", "0x3,3", "' 7 ',7", "Infinity,100"})
    void limitsAreParsedLikeJavaScriptNumbers(String limit, int expected) {
        assertThat(VideoRoutes.parseLimit(limit)).isEqualTo(expected);
    }

    @Test
    void limitQuirksOverHttp() {
        createJobs(60, "google/veo-3.1-lite");
        assertThat(this.http.get("/v1/videos?limit=abc").json().get("data")).hasSize(50);
        assertThat(this.http.get("/v1/videos?limit=2.9").json().get("data")).hasSize(2);
        assertThat(this.http.get("/v1/videos?limit=-1").json().get("data")).isEmpty();
        assertThat(this.http.get("/v1/videos?limit=1e3").json().get("data")).hasSize(60);
    }

    @Test
    void newestFirstUnlessOrderIsExactlyAsc() {
        List<String> ids = createJobs(3, "openai/sora-2");
        JsonNode page = this.http.get("/v1/videos?limit=10").json();
        assertThat(ids(page)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(page.get("first_id").stringValue()).isEqualTo(ids.get(2));
        assertThat(page.get("last_id").stringValue()).isEqualTo(ids.get(0));
        assertThat(page.get("has_more").booleanValue()).isFalse();
        assertThat(ids(this.http.get("/v1/videos?limit=10&order=asc").json())).containsExactlyElementsOf(ids);
        assertThat(ids(this.http.get("/v1/videos?limit=10&order=ASC").json()))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void afterStartsThePageBehindAnIdAndUnknownIdsAreIgnored() {
        List<String> ids = createJobs(5, "openai/sora-2");
        JsonNode page = this.http.get("/v1/videos?limit=2&order=asc&after=" + ids.get(1)).json();
        assertThat(ids(page)).containsExactly(ids.get(2), ids.get(3));
        assertThat(page.get("has_more").booleanValue()).isTrue();
        JsonNode last = this.http.get("/v1/videos?limit=2&order=asc&after=" + ids.get(3)).json();
        assertThat(ids(last)).containsExactly(ids.get(4));
        assertThat(last.get("has_more").booleanValue()).isFalse();
        assertThat(ids(this.http.get("/v1/videos?limit=1&order=asc&after=G-NOPE").json())).containsExactly(ids.get(0));
    }

    @Test
    void statusFiltersAcceptAliasesRepetitionAndCommasAndIgnoreUnknownValues() {
        List<String> ids = createJobs(4, "google/veo-3.1");
        this.simulator.jobs().complete(ids.get(0));
        this.simulator.jobs().fail(ids.get(1), "no");
        this.simulator.jobs().progress(ids.get(2), 10);
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=succeeded").json())).containsExactly(ids.get(0));
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=%20Complete%20,error").json()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=running&status=pending").json()))
                .containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=queued,bogus").json())).containsExactly(ids.get(3));
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=bogus,other").json())).hasSize(4);
        assertThat(ids(this.http.get("/v1/videos?limit=10&status=canceled,expired").json())).isEmpty();
    }

    @Test
    void onlyThe101MostRecentlyUpdatedJobsAreReachable() {
        List<String> ids = createJobs(103, "google/veo-3.1-lite");
        JsonNode all = this.http.get("/v1/videos?limit=100&order=asc").json();
        assertThat(ids(all)).startsWith(ids.get(2)).hasSize(100);
        assertThat(all.get("has_more").booleanValue()).isTrue();
        JsonNode rest = this.http.get("/v1/videos?limit=100&order=asc&after=" + ids(all).get(99)).json();
        assertThat(ids(rest)).containsExactly(ids.get(102));
        assertThat(rest.get("has_more").booleanValue()).isFalse();
        // an update brings the oldest job back into the window (sorted by creation, so it comes first)
        this.simulator.jobs().complete(ids.get(0));
        assertThat(ids(this.http.get("/v1/videos?limit=2&order=asc").json())).containsExactly(ids.get(0), ids.get(3));
    }

    @Test
    void listItemsAreBuiltFromStoredState() {
        String openAi = this.http.create("{\"model\":\"openai/sora-2\",\"prompt\":\"boat\",\"seconds\":\"8\"}");
        this.simulator.clock().advance(Duration.ofMillis(1));
        String google = this.http.create("{\"model\":\"google/veo-3.1\",\"prompt\":\"x\",\"sample_count\":2}");
        this.simulator.jobs().fail(openAi, "nope");
        this.simulator.jobs().complete(google);
        JsonNode data = this.http.get("/v1/videos?limit=10&order=asc").json().get("data");
        JsonNode openAiItem = data.get(0);
        assertThat(openAiItem.get("created_at").stringValue()).isEqualTo("2026-01-01T00:00:00.000000+00:00");
        assertThat(openAiItem.get("completed_at").stringValue()).endsWith("+00:00");
        assertThat(openAiItem.get("seconds").stringValue()).isEqualTo("8");
        assertThat(openAiItem.has("prompt")).isTrue();
        assertThat(openAiItem.get("prompt").isNull()).isTrue();
        assertThat(openAiItem.get("remixed_from_video_id").isNull()).isTrue();
        assertThat(openAiItem.has("error")).isFalse();
        JsonNode googleItem = data.get(1);
        assertThat(googleItem.get("outputs")).isEmpty();
        assertThat(googleItem.get("asset").isNull()).isTrue();
        assertThat(googleItem.get("audio").isNull()).isTrue();
        assertThat(googleItem.has("prompt")).isFalse();
        assertThat(googleItem.get("seconds").isNumber()).isTrue();
        assertThat(googleItem.get("download_url").stringValue()).contains("download_token=");
    }

    @Test
    void inProgressOpenAiJobsShowInProgressInTheList() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().progress(id, 30);
        JsonNode item = this.http.get("/v1/videos?limit=1").json().get("data").get(0);
        assertThat(item.get("status").stringValue()).isEqualTo("in_progress");
        assertThat(item.get("progress").intValue()).isEqualTo(30);
    }

    @Test
    void deletedJobsAreStillListed() {
        String id = this.http.create("{\"prompt\":\"boat\"}");
        this.simulator.jobs().complete(id);
        assertThat(this.http.delete("/v1/videos/" + id).status()).isEqualTo(200);
        JsonNode item = this.http.get("/v1/videos?limit=1").json().get("data").get(0);
        assertThat(item.get("id").stringValue()).isEqualTo(id);
        assertThat(item.get("status").stringValue()).isEqualTo("completed");
        assertThat(item.has("deleted")).isFalse();
    }
}
