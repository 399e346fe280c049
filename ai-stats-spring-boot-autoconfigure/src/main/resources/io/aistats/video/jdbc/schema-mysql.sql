-- The starter's tables on MySQL and MariaDB. AISTATS_ is replaced by ai-stats.jdbc.table-prefix.

-- One row per claimed event id (VideoJobEventDispatcher, JdbcProcessedEventStore); times in epoch milliseconds.
CREATE TABLE IF NOT EXISTS AISTATS_PROCESSED_EVENT (
    EVENT_ID VARCHAR(200) NOT NULL,
    COMPLETED BOOLEAN NOT NULL,
    LEASE_UNTIL BIGINT NOT NULL,
    CREATED_AT BIGINT NOT NULL,
    COMPLETED_AT BIGINT,
    PRIMARY KEY (EVENT_ID),
    INDEX AISTATS_PROCESSED_EVENT_PURGE_IX (COMPLETED, COMPLETED_AT)
) ENGINE=InnoDB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
