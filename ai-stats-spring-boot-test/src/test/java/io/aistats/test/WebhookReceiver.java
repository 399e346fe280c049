package io.aistats.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny webhook receiver on a loopback port (JDK HTTP server) that records every request and answers with the
 * statuses the test queued (200 when none is queued). A queued answer may hold the response until a latch opens.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.setExecutor(this.executor);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** @return {@code http://127.0.0.1:<port>/hooks} */
    String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
    }

    /** Queues the status of the next answer. */
    WebhookReceiver answer(int status, String body) {
        this.answers.add(new Answer(status, body, Map.of(), null));
        return this;
    }

    /** Queues an answer with extra headers (e.g. a redirect). */
    WebhookReceiver answer(int status, Map<String, String> headers) {
        this.answers.add(new Answer(status, "", headers, null));
        return this;
    }

    /** Queues an answer that is held until the latch opens. */
    WebhookReceiver answerAfter(CountDownLatch release, int status) {
        this.answers.add(new Answer(status, "late", Map.of(), release));
        return this;
    }

    /** @return every request so far, in arrival order */
    List<Received> received() {
        return List.copyOf(this.received);
    }

    /** @return the requests of one delivery key, in arrival order */
    List<Received> received(String deliveryKey) {
        return this.received.stream().filter(request -> deliveryKey.equals(request.header("x-phaseo-delivery-key")))
                .toList();
    }

    /** Waits for the next request. */
    Received next() throws InterruptedException {
        Received request = this.arrivals.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No webhook request arrived within 10 s");
        }
        return request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, body);
            this.received.add(request);
            this.arrivals.add(request);
            Answer answer = this.answers.poll();
            if (answer == null) {
                answer = new Answer(200, "ok", Map.of(), null);
            }
            CountDownLatch release = answer.release();
            if (release != null) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
        catch (IOException ex) {
            // the sender gave up (timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    private record Answer(int status, String body, Map<String, String> headers, @Nullable CountDownLatch release) {
    }

    /**
     * One received request.
     * @param method the method
     * @param path the path
     * @param headers lower-case names
     * @param body the exact body
     */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        @Nullable String header(String name) {
            List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(this.body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return GatewayHttp.JSON.readTree(this.body);
        }

        List<String> headerNames() {
            return new ArrayList<>(this.headers.keySet());
        }
    }
}
