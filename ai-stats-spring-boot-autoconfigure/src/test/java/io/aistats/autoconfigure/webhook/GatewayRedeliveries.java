package io.aistats.autoconfigure.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends planned deliveries from several threads the way the gateway does: every answer that asks for it (5xx, or
 * 409 while the event is in flight) is delivered again later as the next attempt. Counts the answers by their code.
 *
 * @param <T> what one planned send is
 */
final class GatewayRedeliveries<T> {

    private final int senders;

    private final int maxAttempts;

    private final Duration deadline;

    /**
     * @param senders the threads that send
     * @param maxAttempts attempts of one delivery after which it counts as lost
     * @param deadline how long all sends may take
     */
    GatewayRedeliveries(int senders, int maxAttempts, Duration deadline) {
        this.senders = senders;
        this.maxAttempts = maxAttempts;
        this.deadline = deadline;
    }

    /**
     * Sends every planned item until each has an answer that needs no redelivery; asserts none is lost.
     * @param plan the items, in sending order
     * @param sending sends one attempt of an item
     * @return how often each answer code was received
     */
    Map<String, AtomicInteger> deliverAll(List<T> plan, Sending<T> sending) throws Exception {
        LinkedBlockingQueue<Attempt<T>> queue = new LinkedBlockingQueue<>();
        plan.forEach((item) -> queue.add(new Attempt<>(item, 1)));
        AtomicInteger outstanding = new AtomicInteger(plan.size());
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + this.deadline.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(this.senders);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < this.senders; i++) {
                workers.add(threads.submit(() -> {
                    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
                        Attempt<T> attempt = queue.poll(50, TimeUnit.MILLISECONDS);
                        if (attempt == null) {
                            continue;
                        }
                        for (Answer<T> answer : sending.send(attempt.item(), attempt.number())) {
                            HttpResponse<String> response = answer.response();
                            answers.computeIfAbsent(StormDeliveries.answerCode(response),
                                    (code) -> new AtomicInteger()).incrementAndGet();
                            if (response.statusCode() >= 500 || response.statusCode() == 409) {
                                assertThat(attempt.number()).as("attempts of one delivery")
                                    .isLessThan(this.maxAttempts);
                                outstanding.incrementAndGet();
                                queue.add(new Attempt<>(answer.redelivery(), attempt.number() + 1));
                            }
                        }
                        outstanding.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(this.deadline.toSeconds() + 15, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(outstanding.get()).as("deliveries without a final answer (lost)").isZero();
        return answers;
    }

    /** Sends one attempt of a planned item. */
    @FunctionalInterface
    interface Sending<T> {

        /**
         * @param item the planned item
         * @param attempt the attempt number, from 1
         * @return the answers received, each with what to send should it ask for a redelivery
         */
        List<Answer<T>> send(T item, int attempt) throws Exception;
    }

    /** An answer, and what the gateway would send next if the answer asks for a redelivery. */
    record Answer<T>(HttpResponse<String> response, T redelivery) {
    }

    private record Attempt<T>(T item, int number) {
    }
}
