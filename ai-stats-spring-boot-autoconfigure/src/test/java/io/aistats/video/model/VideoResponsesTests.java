package io.aistats.video.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class VideoResponsesTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void decodesTheModelCatalogue() throws IOException {
        VideoModelList models = read("models.json", VideoModelList.class);

        assertThat(models.object()).isEqualTo("list");
        VideoModel model = models.data().get(0);
        assertThat(models.data()).hasSize(1);
        assertThat(model.model()).isEqualTo("openai/sora-2");
        assertThat(model.name()).isEqualTo("Sora 2");
        assertThat(model.status()).isEqualTo("active");
        assertThat(model.inputTypes()).containsExactly("text", "image");
        assertThat(model.outputTypes()).containsExactly("video");
        assertThat(model.supportedParams()).containsExactly("aspect_ratio", "duration", "resolution", "seed");
        assertThat(model.supports("seed")).isTrue();
        assertThat(model.supports("size")).isFalse();
        assertThat(model.supportedParamsDetail())
            .isEqualTo(Map.of("duration", Map.of("values", List.of(4, 8, 12), "providers", List.of("openai"))));
        assertThat(model.providers()).singleElement().satisfies((provider) -> {
            assertThat(provider.id()).isEqualTo("openai");
            assertThat(provider.supportedParams()).containsExactly("…");
            assertThat(provider.supportedParamsDetail()).isEmpty();
        });
        assertThat(model.pricing()).containsEntry("…", "free-form");
    }

    @Test
    void modelFallsBackToTheLongParameterNames() {
        VideoModel model = this.mapper.readValue("{\"model\":\"google/veo-3.1\",\"supported_parameters\":[\"size\"],"
                + "\"supported_parameters_detail\":{\"size\":{}},\"providers\":[{\"id\":\"google-vertex\","
                + "\"supported_parameters\":[\"seed\"]}],\"unknown\":1}", VideoModel.class);

        assertThat(model.supportedParams()).containsExactly("size");
        assertThat(model.supportedParamsDetail()).containsOnlyKeys("size");
        assertThat(model.providers()).singleElement()
            .satisfies((provider) -> assertThat(provider.supportedParams()).containsExactly("seed"));
        assertThat(model.inputTypes()).isEmpty();
        assertThat(model.pricing()).isEmpty();
        assertThat(model.name()).isNull();
    }

    @Test
    void decodesASignedDownloadUrl() throws IOException {
        SignedDownloadUrl link = read("download-url.json", SignedDownloadUrl.class);

        assertThat(link.url()).isEqualTo(URI.create("https://api.phaseo.app/v1/videos/G-01KDVDGQGGQ7M3R8X2VN5T9HBC/"
                + "content?download_token=eyJ3b3Jrc3BhY2VfaWQiOiIzZjBjMmE5ZS01YjFkLTRjN2UtOWEyZi02ZDhlMWI0YzdhOTAiLC"
                + "J2aWRlb19pZCI6IkctMDFLRFZER1FHR1E3TTNSOFgyVk41VDlIQkMiLCJpbmRleCI6MCwiZGlzcG9zaXRpb24iOiJhdHRhY2htZ"
                + "W50In0&download_sig=9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7"
                + "&expires_at=1767226510"));
        assertThat(link.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767226510));
        assertThat(link.toString()).doesNotContain("download_sig", "download_token").contains("2026-01-01T00:15:10Z", "?<redacted>");
    }

    @Test
    void signedDownloadUrlIsValidUntilItsExpiryInclusive() {
        SignedDownloadUrl link = new SignedDownloadUrl(URI.create("https://example.com/v"),
                Instant.ofEpochSecond(1767226510));

        assertThat(link.isExpired(Instant.ofEpochSecond(1767226509))).isFalse();
        assertThat(link.isExpired(Instant.ofEpochSecond(1767226510))).isFalse();
        assertThat(link.isExpired(Instant.ofEpochSecond(1767226510, 1))).isTrue();
        assertThat(link.isExpired(Instant.ofEpochSecond(1767226511))).isTrue();
    }

    @Test
    void signedDownloadUrlRequiresBothMembers() {
        assertThatException().isThrownBy(() -> this.mapper.readValue("{\"expires_at\":1}", SignedDownloadUrl.class))
            .withMessageContaining("download_url");
        assertThatException()
            .isThrownBy(() -> this.mapper.readValue("{\"download_url\":\"https://x/y\"}", SignedDownloadUrl.class))
            .withMessageContaining("expires_at");
    }

    @Test
    void decodesTheDeleteConfirmation() {
        VideoDeleted deleted = this.mapper.readValue(
                "{ \"id\": \"G-01KDVDGQGGQ7M3R8X2VN5T9HBC\", \"object\": \"video.deleted\", \"deleted\": true }",
                VideoDeleted.class);

        assertThat(deleted).isEqualTo(new VideoDeleted("G-01KDVDGQGGQ7M3R8X2VN5T9HBC", "video.deleted", true));
        assertThat(this.mapper.readValue("{\"id\":\"x\",\"future\":1}", VideoDeleted.class).deleted()).isFalse();
    }

    @Test
    void webhookStateDefaultsItsListsToEmpty() {
        VideoWebhookState state = this.mapper.readValue("{\"endpoint_id\":\"e\",\"has_secret\":true}",
                VideoWebhookState.class);

        assertThat(state.endpointId()).isEqualTo("e");
        assertThat(state.events()).isEmpty();
        assertThat(state.attempts()).isEmpty();
        assertThat(state.delivery()).isNull();
    }

    @Test
    void billingKeepsMoneyAsExactDecimalStrings() {
        VideoBilling billing = this.mapper.readValue("{\"estimated_user_cost\":\"0.10\",\"settled_user_cost\":\"0.30\","
                + "\"total_nanos\":300000000,\"charged\":false}", VideoBilling.class);

        assertThat(billing.estimatedUserCost()).hasToString("0.10");
        assertThat(billing.settledUserCost()).hasToString("0.30");
        assertThat(this.mapper.writeValueAsString(billing))
            .isEqualTo("{\"estimated_user_cost\":\"0.10\",\"settled_user_cost\":\"0.30\",\"total_nanos\":300000000,"
                    + "\"charged\":false}");
    }

    private <T> T read(String name, Class<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return this.mapper.readValue(in, type);
        }
    }
}
