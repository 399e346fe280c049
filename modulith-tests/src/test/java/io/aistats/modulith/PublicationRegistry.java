package io.aistats.modulith;

import io.aistats.video.event.VideoJobCompletedEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads Spring Modulith's {@code event_publication} table directly, as an operator would.
 */
final class PublicationRegistry {

    private final JdbcClient jdbc;

    PublicationRegistry(DataSource database) {
        this.jdbc = JdbcClient.create(database);
    }

    /** @return the publications of a job's completion event, one per listener */
    List<Publication> completionOf(String videoId) {
        return this.jdbc
            .sql("SELECT listener_id, event_type, serialized_event, status, completion_attempts, completion_date "
                    + "FROM event_publication WHERE event_type = ? AND serialized_event LIKE ? ORDER BY publication_date")
            .param(VideoJobCompletedEvent.class.getName())
            .param("%\"videoId\":\"" + videoId + "\"%")
            .query((rs, row) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), (rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null))
            .list();
    }

    /** One row of the registry. */
    record Publication(String listenerId, String eventType, String serializedEvent, @Nullable String status,
            int completionAttempts, @Nullable Instant completionDate) {
    }
}
