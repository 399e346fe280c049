package io.aistats.video.internal.stream;

import io.aistats.video.internal.json.GatewayJson;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoJobUpdate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads the server frames of the lifecycle stream (§7.4): {@code job.snapshot}, {@code job.updated} and
 * {@code job.deleted} become updates; {@code pong}, unknown types and unreadable frames are skipped, so that a new
 * frame type never breaks a stream.
 */
final class StreamFrames {

    /** The raw text frame that asks the server for a {@code pong}. */
    static final String PING = "ping";

    private static final Log logger = LogFactory.getLog(StreamFrames.class);

    private StreamFrames() {
    }

    /**
     * @param text the payload of a text frame
     * @param receivedAt when it arrived
     * @return the update, or {@code null} for a frame that carries none
     */
    static @Nullable VideoJobUpdate parse(String text, Instant receivedAt) {
        JsonNode frame;
        try {
            frame = GatewayJson.mapper().readTree(text);
        }
        catch (JacksonException ex) {
            logger.debug("Skipped a lifecycle stream frame that is not JSON: " + ex.getOriginalMessage());
            return null;
        }
        if (frame == null || !frame.isObject()) {
            return null;
        }
        VideoJobUpdate.Type type = typeOf(frame.path("type").asString(""));
        JsonNode data = frame.path("data");
        if (type == null || !data.isObject()) {
            return null;
        }
        try {
            VideoJob job = GatewayJson.mapper().treeToValue(data, VideoJob.class);
            return (job != null) ? new VideoJobUpdate(type, job, receivedAt) : null;
        }
        catch (JacksonException | IllegalArgumentException ex) {
            logger.debug("Skipped a lifecycle stream frame whose data cannot be read: " + ex.getMessage());
            return null;
        }
    }

    private static VideoJobUpdate.@Nullable Type typeOf(String type) {
        return switch (type) {
            case "job.snapshot" -> VideoJobUpdate.Type.SNAPSHOT;
            case "job.updated" -> VideoJobUpdate.Type.UPDATED;
            case "job.deleted" -> VideoJobUpdate.Type.DELETED;
            // "pong" only proves liveness, which receiving it already did
            default -> null;
        };
    }
}
