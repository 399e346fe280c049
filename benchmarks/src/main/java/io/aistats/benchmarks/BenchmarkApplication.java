package io.aistats.benchmarks;

import io.aistats.video.event.VideoJobCompletedEvent;
import io.aistats.video.event.VideoJobEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Spring MVC application that uses the starter like a user would: the auto-configured webhook endpoint at
 * {@code ai-stats.webhook.path} and one listener. Beside it, at {@value #NO_OP_PATH}, a no-op endpoint that reads
 * the body and answers what the webhook endpoint answers, as the baseline of the ingestion benchmark.
 * <p>
 * Run on its own ({@link #main}) it serves until killed; arguments are Spring Boot's ({@code --server.port=...}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchmarkApplication {

    /** Path of the no-op endpoint. */
    static final String NO_OP_PATH = "/no-op/webhooks";

    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) {
        SpringApplication.run(BenchmarkApplication.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> noOpWebhookEndpoint() {
        return RouterFunctions.route().POST(NO_OP_PATH, (request) -> {
            // read the whole body, as any endpoint must, then ignore it
            request.servletRequest().getInputStream().readAllBytes();
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(ACCEPTED);
        }).build();
    }

    @Bean
    CompletionRecorder completionRecorder() {
        return new CompletionRecorder();
    }

    /**
     * The application's listener: counts every event and notes when each job's completion arrived.
     */
    public static class CompletionRecorder {

        private final AtomicLong events = new AtomicLong();

        private final Map<String, CompletableFuture<Long>> completions = new ConcurrentHashMap<>();

        @EventListener
        void on(VideoJobEvent event) {
            this.events.incrementAndGet();
        }

        @EventListener
        void on(VideoJobCompletedEvent event) {
            completion(event.videoId()).complete(System.nanoTime());
        }

        /**
         * @param videoId a job
         * @return completed with {@link System#nanoTime()} when the job's completion event reaches the listener
         */
        public CompletableFuture<Long> completion(String videoId) {
            return this.completions.computeIfAbsent(videoId, (id) -> new CompletableFuture<>());
        }

        /**
         * @return the number of events received
         */
        public long events() {
            return this.events.get();
        }
    }
}
