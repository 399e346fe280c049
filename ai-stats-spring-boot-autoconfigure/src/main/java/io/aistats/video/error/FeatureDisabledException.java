package io.aistats.video.error;

/**
 * The video API is switched off (HTTP 501): globally ({@code video_api_temporarily_disabled}) or for this
 * workspace ({@code video_api_feature_disabled}).
 */
public class FeatureDisabledException extends NotImplementedException {

    /**
     * @param error what the gateway said
     */
    public FeatureDisabledException(ApiError error) {
        super(error);
    }
}
