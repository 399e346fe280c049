package io.aistats.video.error;

/**
 * The route needs a WebSocket upgrade (HTTP 426 {@code websocket_upgrade_required}).
 */
public class UpgradeRequiredException extends AiStatsApiException {

    /**
     * @param error what the gateway said
     */
    public UpgradeRequiredException(ApiError error) {
        super(error);
    }
}
