package io.aistats.test;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of the simulator's building blocks: signing (§10.7), MP4 padding, ids, number parsing, event names.
 */
class SimulatorInternalsTests {

    @Test
    void reproducesTheContractsSignedDownloadExample() {
        DownloadLinks links = new DownloadLinks("example-download-signing-secret");
        String token = DownloadLinks.token("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90", "G-01KDVDGQGGQ7M3R8X2VN5T9HBC", 0,
                "attachment");
        assertThat(token).isEqualTo("eyJ3b3Jrc3BhY2VfaWQiOiIzZjBjMmE5ZS01YjFkLTRjN2UtOWEyZi02ZDhlMWI0YzdhOTAiLCJ2aWRl"
                + "b19pZCI6IkctMDFLRFZER1FHR1E3TTNSOFgyVk41VDlIQkMiLCJpbmRleCI6MCwiZGlzcG9zaXRpb24iOiJhdHRhY2htZW50In0");
        assertThat(links.signature(token, 1767226510L))
                .isEqualTo("9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7");
        assertThat(links.signature(token, 1767226500L))
                .isEqualTo("09ef081e805c3a1a8d221b8939a67a55d9678463b372272ed0fd66a922afff97");
        assertThat(links.url(java.net.URI.create("https://api.phaseo.app"), "3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90",
                "G-01KDVDGQGGQ7M3R8X2VN5T9HBC", 0, "attachment", 1767226510L)).isEqualTo(
                "https://api.phaseo.app/v1/videos/G-01KDVDGQGGQ7M3R8X2VN5T9HBC/content?download_token=" + token
                        + "&download_sig=9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7"
                        + "&expires_at=1767226510");
        DownloadLinks.Claims claims = links.verify(token,
                "9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7", "1767226510", 1767226510L);
        assertThat(claims).isEqualTo(new DownloadLinks.Claims("3f0c2a9e-5b1d-4c7e-9a2f-6d8e1b4c7a90",
                "G-01KDVDGQGGQ7M3R8X2VN5T9HBC", 0, "attachment"));
        assertThat(links.verify(token, "9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7",
                "1767226510", 1767226511L)).isNull();
        assertThat(links.verify(token, "9d64d0ecb87b0de7da73073e29fb2e583fc8ab73ebc13dcda5354edb3f4343e7",
                "1767226511", 1767226000L)).isNull();
    }

    @Test
    void paddedContentIsTheSampleFollowedByOneFreeBox() {
        byte[] sample = Mp4Content.sample();
        long size = sample.length + 200_000L;
        List<ByteBuf> chunks = Mp4Content.body(size).collectList().block();
        ByteBuffer all = ByteBuffer.allocate((int) size);
        for (ByteBuf chunk : chunks) {
            assertThat(chunk.readableBytes()).isLessThanOrEqualTo(Math.max(sample.length, Mp4Content.CHUNK_SIZE));
            all.put(chunk.nioBuffer());
            chunk.release();
        }
        assertThat(all.position()).isEqualTo((int) size);
        // walk the top-level boxes: they must tile the file exactly and end with the padding box
        List<String> types = new ArrayList<>();
        int offset = 0;
        while (offset < size) {
            int boxSize = all.getInt(offset);
            types.add(new String(new byte[] {all.get(offset + 4), all.get(offset + 5), all.get(offset + 6),
                    all.get(offset + 7)}, java.nio.charset.StandardCharsets.US_ASCII));
            offset += boxSize;
        }
        assertThat(offset).isEqualTo((int) size);
        assertThat(types).startsWith("ftyp", "moov").contains("mdat").endsWith("free");
    }

    @Test
    void hugePaddingUsesA64BitBoxSize() {
        byte[] header = Mp4Content.boxHeader(5L * 1024 * 1024 * 1024);
        assertThat(header).hasSize(16);
        assertThat(ByteBuffer.wrap(header).getInt(0)).isEqualTo(1);
        assertThat(ByteBuffer.wrap(header).getLong(8)).isEqualTo(5L * 1024 * 1024 * 1024);
        assertThat(Mp4Content.boxHeader(100)).hasSize(8);
    }

    @Test
    void idsAreCrockfordUlidsInCreationOrder() {
        Ulids ulids = new Ulids();
        Instant now = Instant.parse("2025-12-31T23:57:30Z");
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 1000; i++) {
            String id = ulids.next(now);
            assertThat(id).matches("G-[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        assertThat(previous).startsWith("G-01KDVDGQGG");
    }

    @Test
    void numbersAreParsedLikeJavaScript() {
        assertThat(JsNumbers.number("")).isZero();
        assertThat(JsNumbers.number(" 12 ")).isEqualTo(12);
        assertThat(JsNumbers.number("1e3")).isEqualTo(1000);
        assertThat(JsNumbers.number("-2.5")).isEqualTo(-2.5);
        assertThat(JsNumbers.number(".5")).isEqualTo(0.5);
        assertThat(JsNumbers.number("0x1A")).isEqualTo(26);
        assertThat(JsNumbers.number("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JsNumbers.number("12abc")).isNaN();
        assertThat(JsNumbers.number("abc")).isNaN();
        assertThat(JsNumbers.truncateAndClamp(2.9, 0, 100)).isEqualTo(2);
        assertThat(JsNumbers.truncateAndClamp(-0.5, 0, 100)).isZero();
    }

    @Test
    void webhookEventNamesAreNormalised() {
        assertThat(VideoWebhookEvents.normalize(" Completed ")).isEqualTo("job.completed");
        assertThat(VideoWebhookEvents.normalize("video.canceled")).isEqualTo("video.cancelled");
        assertThat(VideoWebhookEvents.normalize("canceled")).isEqualTo("job.cancelled");
        assertThat(VideoWebhookEvents.normalize("JOB.STATUS_CHANGED")).isEqualTo("job.status_changed");
        assertThat(VideoWebhookEvents.normalize("batch.completed")).isNull();
        assertThat(VideoWebhookEvents.normalize("video.unknown")).isNull();
        assertThat(VideoWebhookEvents.normalize("*")).isNull();
        assertThat(VideoWebhookEvents.normalizeAll(List.of("completed", "job.completed", "x")))
                .containsExactly("job.completed");
    }

    @Test
    void timestampsUseTheGatewaysTwoFormats() {
        Instant instant = Instant.parse("2025-12-31T23:57:30.214871Z");
        assertThat(Timestamps.database(instant)).isEqualTo("2025-12-31T23:57:30.214871+00:00");
        assertThat(Timestamps.gateway(instant)).isEqualTo("2025-12-31T23:57:30.214Z");
    }
}
