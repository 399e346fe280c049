package io.aistats.sample;

import io.aistats.test.AiStatsGatewaySimulator;
import io.aistats.video.VideoClient;
import io.aistats.video.VideoContent;
import io.aistats.video.model.ListOrder;
import io.aistats.video.model.VideoGenerationRequest;
import io.aistats.video.model.VideoJob;
import io.aistats.video.model.VideoListParams;
import io.aistats.video.model.VideoModel;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The page's API: the model catalogue, creating, listing, cancelling and deleting jobs, streaming a video, and the
 * server-sent events that carry job updates. The gateway's refusals become problem details
 * ({@link GatewayRefusalHandler}).
 */
@RestController
@RequestMapping("/api")
class JobController {

    private final VideoClient videoClient;

    private final JobTracking tracking;

    private final JobEventBroadcaster broadcaster;

    private final RecentJobs recentJobs;

    private final boolean offline;

    JobController(VideoClient videoClient, JobTracking tracking, JobEventBroadcaster broadcaster,
            RecentJobs recentJobs, ObjectProvider<AiStatsGatewaySimulator> simulator) {
        this.videoClient = videoClient;
        this.tracking = tracking;
        this.broadcaster = broadcaster;
        this.recentJobs = recentJobs;
        this.offline = simulator.getIfAvailable() != null;
    }

    /**
     * @return where the application runs and how it learns about its jobs
     */
    @GetMapping("/info")
    Info info() {
        return new Info(this.offline ? "the bundled gateway simulator (offline)" : "the AI Stats gateway",
                this.tracking.byWebhook() ? "webhook" : "watcher", this.tracking.description());
    }

    /**
     * @return the video models the form offers
     */
    @GetMapping("/models")
    List<ModelView> models() {
        return this.videoClient.listVideoModels().data().stream().map(ModelView::of).toList();
    }

    /**
     * @return the most recent jobs, newest first, without those deleted here
     */
    @GetMapping("/jobs")
    List<JobView> jobs() {
        VideoListParams params = VideoListParams.limit(20).withOrder(ListOrder.DESC);
        return this.videoClient.listVideos(params)
            .data()
            .stream()
            .map(JobView::of)
            .filter((job) -> !this.recentJobs.isDeleted(job.id()))
            .map(this.recentJobs::withPrompt)
            .toList();
    }

    /**
     * @param id the video id
     * @return the job
     */
    @GetMapping("/jobs/{id}")
    JobView job(@PathVariable String id) {
        return this.recentJobs.withPrompt(JobView.of(this.videoClient.getVideo(id)));
    }

    /**
     * Starts a job and makes sure its events reach the page.
     * @param form what the page asked for
     * @return the new job
     */
    @PostMapping("/jobs")
    @ResponseStatus(HttpStatus.CREATED)
    JobView create(@RequestBody CreateJobForm form) {
        VideoGenerationRequest.Builder request = VideoGenerationRequest.builder()
            .model(blankToNull(form.model()))
            .prompt(form.prompt())
            .aspectRatio(blankToNull(form.aspectRatio()));
        if (form.duration() != null) {
            request.duration(form.duration());
        }
        if (Boolean.TRUE.equals(form.audio())) {
            request.generateAudio(true);
        }
        VideoJob job = this.videoClient.generateVideo(request.build());
        this.recentJobs.created(String.valueOf(job.id()), form.prompt());
        this.tracking.follow(job);
        return this.recentJobs.withPrompt(JobView.of(job));
    }

    /**
     * Asks the gateway to cancel a job; the gateway refuses (501), which the page shows.
     * @param id the video id
     * @return the job, should the gateway ever cancel
     */
    @PostMapping("/jobs/{id}/cancel")
    JobView cancel(@PathVariable String id) {
        return JobView.of(this.videoClient.cancelVideo(id));
    }

    /**
     * Deletes a completed or failed job.
     * @param id the video id
     */
    @DeleteMapping("/jobs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        this.videoClient.deleteVideo(id);
        this.recentJobs.deleted(id);
    }

    /**
     * Streams a completed job's video from the gateway to the browser, without holding it in memory.
     * @param id the video id
     * @param download whether the browser should save the file rather than play it
     * @param response the response to write to
     * @throws IOException when the browser goes away
     */
    @GetMapping("/jobs/{id}/content")
    void content(@PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
            HttpServletResponse response) throws IOException {
        try (VideoContent content = this.videoClient.getVideoContent(id)) {
            response.setContentType(content.contentType());
            content.contentLength().ifPresent(response::setContentLengthLong);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.builder(download ? "attachment" : "inline")
                        .filename(id + ".mp4")
                        .build()
                        .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            content.transferTo(response.getOutputStream());
        }
    }

    /**
     * @return a stream of {@value JobEventBroadcaster#EVENT_NAME} events, one per job update
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return this.broadcaster.subscribe();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

    /**
     * The form of the page.
     * @param prompt what to generate
     * @param model the model id, or blank for the configured default
     * @param duration seconds, or {@code null} for the model's default
     * @param aspectRatio for example {@code 16:9}, or blank for the model's default
     * @param audio whether to generate audio
     */
    record CreateJobForm(@Nullable String prompt, @Nullable String model, @Nullable Integer duration,
            @Nullable String aspectRatio, @Nullable Boolean audio) {
    }

    /**
     * A model as the form offers it.
     * @param id the gateway model id
     * @param name the display name
     * @param durations the durations the model accepts, in seconds; empty when the catalogue does not say
     * @param audio whether the model can generate audio
     */
    record ModelView(String id, String name, List<Integer> durations, boolean audio) {

        static ModelView of(VideoModel model) {
            String id = String.valueOf(model.model());
            return new ModelView(id, (model.name() != null) ? model.name() : id, durations(model),
                    model.supports("generate_audio"));
        }

        /** The details are free-form; the gateway lists allowed values as {@code {"values": [...]}}. */
        private static List<Integer> durations(VideoModel model) {
            Object detail = model.supportedParamsDetail().get("duration");
            Object values = (detail instanceof Map<?, ?> map) ? map.get("values") : detail;
            if (!(values instanceof List<?> list)) {
                return List.of();
            }
            return list.stream()
                .filter(Number.class::isInstance)
                .map((value) -> ((Number) value).intValue())
                .filter((seconds) -> seconds >= 1 && seconds <= 120)
                .toList();
        }
    }

    /**
     * Where the application runs.
     * @param gateway which gateway the client talks to
     * @param events {@code webhook} or {@code watcher}
     * @param eventsDescription how job events arrive, for people
     */
    record Info(String gateway, String events, String eventsDescription) {
    }
}
