package io.aistats.sample;

import io.aistats.video.event.VideoJobEvent;
import io.aistats.video.event.VideoJobProgressEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes every {@link VideoJobEvent} the application receives (by webhook or from the job watcher) to the pages
 * that listen, as server-sent events named {@value #EVENT_NAME} carrying a {@link JobUpdate}.
 * <p>
 * Bounded: at most {@code sample.events.max-subscribers} pages listen at once; a new one replaces the oldest.
 * Subscriptions that time out, fail or whose page went away are dropped. Never throws into the event publisher, so
 * that a broken page cannot make the gateway redeliver a webhook.
 */
@Component
class JobEventBroadcaster {

    /** Name of the server-sent events carrying job updates. */
    static final String EVENT_NAME = "job";

    private static final Log logger = LogFactory.getLog(JobEventBroadcaster.class);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    private final SampleProperties.Events settings;

    JobEventBroadcaster(SampleProperties properties) {
        this.settings = properties.getEvents();
    }

    /**
     * Opens a subscription for one page.
     * @return the emitter to return from the controller
     */
    synchronized SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(this.settings.getTimeout().toMillis());
        emitter.onCompletion(() -> this.emitters.remove(emitter));
        emitter.onTimeout(() -> this.emitters.remove(emitter));
        emitter.onError((failure) -> this.emitters.remove(emitter));
        try {
            // a first comment commits the response, so the page (and any client) knows it is subscribed at once
            emitter.send(SseEmitter.event().comment("subscribed"));
        }
        catch (IOException ex) {
            emitter.completeWithError(ex);
            return emitter;
        }
        this.emitters.add(emitter);
        while (this.emitters.size() > this.settings.getMaxSubscribers()) {
            SseEmitter oldest = this.emitters.remove(0);
            oldest.complete();
        }
        return emitter;
    }

    /**
     * Ends every subscription when the application stops: the context publishes this before it stops the web server,
     * whose graceful shutdown would otherwise wait for the open streams until its timeout.
     */
    @EventListener(ContextClosedEvent.class)
    synchronized void completeAll() {
        this.emitters.forEach(SseEmitter::complete);
        this.emitters.clear();
    }

    /**
     * @return the number of pages listening
     */
    int subscribers() {
        return this.emitters.size();
    }

    @EventListener
    void on(VideoJobEvent event) {
        JobUpdate update = JobUpdate.of(event);
        for (SseEmitter emitter : this.emitters) {
            try {
                emitter.send(SseEmitter.event().name(EVENT_NAME).data(update, MediaType.APPLICATION_JSON));
            }
            catch (IOException | RuntimeException ex) {
                // the page went away: forget it; the servlet container completes the response
                this.emitters.remove(emitter);
                logger.debug("Dropped a job event subscription: " + ex.getMessage());
            }
        }
    }

    /**
     * One job update as the page receives it.
     * @param type the event type, for example {@code video.progress}
     * @param source how the update was observed: {@code WEBHOOK}, {@code STREAM} or {@code POLLING}
     * @param job the job as the event describes it
     */
    record JobUpdate(String type, String source, JobView job) {

        static JobUpdate of(VideoJobEvent event) {
            JobView job = JobView.of(event.job());
            if (event instanceof VideoJobProgressEvent progress) {
                job = new JobView(job.id(), job.status(), Math.max(job.progress(), progress.progress()),
                        job.terminal(), job.model(), job.prompt(), job.createdAt(), job.error());
            }
            return new JobUpdate(event.eventType(), event.source().name(), job);
        }
    }
}
