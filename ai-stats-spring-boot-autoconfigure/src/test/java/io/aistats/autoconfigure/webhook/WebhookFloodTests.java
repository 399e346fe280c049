package io.aistats.autoconfigure.webhook;

import io.aistats.test.WebhookSigner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 500 slow, partial deliveries at once, over raw loopback sockets, against a receiving application in its own JVM
 * with a 96 MiB heap, on Spring MVC (Tomcat) and on WebFlux (Netty). Each attacker sends forged signature headers
 * (well-formed, so they pass the header check) and part of a body, then stalls: 200 declare a 64 KB body and send
 * 60,000 bytes of it, 200 send two 16 KB chunks of a chunked body, 100 send no body at all.
 * <p>
 * Asserted: every attacker connection is answered (408 once the 3 s read timeout passed, 503 with Retry-After when
 * the in-flight budget is taken) or closed within {@value #ANSWER_BOUND_SECONDS} s of its last byte; a valid
 * delivery sent meanwhile is accepted, retried like the gateway retries (on any non-2xx) while the budget is taken,
 * and its event reaches the listener exactly once; afterwards the application is healthy (health UP, a new delivery
 * accepted at once, no {@code OutOfMemoryError}).
 */
class WebhookFloodTests {

    private static final int DECLARED_ATTACKERS = 200;

    private static final int CHUNKED_ATTACKERS = 200;

    private static final int HEADER_ONLY_ATTACKERS = 100;

    /** The read timeout of the target application. */
    private static final int READ_TIMEOUT_SECONDS = 3;

    /**
     * How long after its last byte an attacker connection must be answered or closed: the read timeout, plus the time
     * the target needs to accept and parse 500 connections arriving at once on two shared cores.
     */
    private static final int ANSWER_BOUND_SECONDS = 15;

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    @ParameterizedTest
    @ValueSource(strings = { "servlet", "reactive" })
    void slowPartialDeliveriesLeaveTheReceiverHealthy(String webStack, @TempDir Path directory) throws Exception {
        Path log = directory.resolve("target.log");
        Process target = startTarget(webStack, log);
        try {
            int port = awaitPort(target, log);
            List<Attack> attacks = new ArrayList<>();
            for (int i = 0; i < DECLARED_ATTACKERS + CHUNKED_ATTACKERS + HEADER_ONLY_ATTACKERS; i++) {
                attacks.add(new Attack(port, (i % 5 == 4) ? Kind.HEADERS_ONLY : (i % 2 == 0) ? Kind.DECLARED
                        : Kind.CHUNKED));
            }
            assertThat(attacks).hasSize(500);
            ExecutorService attackers = Executors.newFixedThreadPool(attacks.size());
            try {
                CountDownLatch sent = new CountDownLatch(attacks.size());
                List<Future<Answer>> answers = new ArrayList<>();
                for (Attack attack : attacks) {
                    answers.add(attackers.submit(() -> attack.run(sent)));
                }
                assertThat(sent.await(60, TimeUnit.SECONDS)).as("every attacker sent its part").isTrue();

                String videoId = WebhookDeliveries.newVideoId();
                String body = WebhookDeliveries.body(videoId, "video.completed", "video.completed", 1, "completed",
                        null);
                AtomicInteger attempts = new AtomicInteger();
                List<Integer> statuses = new ArrayList<>();
                URI endpoint = URI.create("http://127.0.0.1:" + port + "/ai-stats/webhooks");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    attempts.incrementAndGet();
                    HttpResponse<String> response = post(endpoint, body);
                    statuses.add(response.statusCode());
                    return response.statusCode() == 200 && response.body().equals("{\"status\":\"accepted\"}");
                });

                Map<String, Integer> outcomes = new TreeMap<>();
                long slowestMillis = 0;
                for (Future<Answer> future : answers) {
                    Answer answer = future.get(ANSWER_BOUND_SECONDS + 30, TimeUnit.SECONDS);
                    outcomes.merge(answer.outcome(), 1, Integer::sum);
                    slowestMillis = Math.max(slowestMillis, answer.millis());
                    assertThat(answer.outcome()).as("answered or closed").isNotEqualTo("unanswered");
                    assertThat(answer.millis()).as("answered or closed in time (%s)", answer.outcome())
                        .isLessThanOrEqualTo(TimeUnit.SECONDS.toMillis(ANSWER_BOUND_SECONDS));
                }
                System.out.printf(Locale.ROOT, "%s: attackers %s, slowest %d ms; valid delivery statuses %s%n",
                        webStack, outcomes, slowestMillis, statuses);
                assertThat(outcomes).containsKey("408").containsKey("503").doesNotContainKey("503 without Retry-After");

                assertThat(post(endpoint, body).body()).as("the event was handled")
                    .isEqualTo("{\"status\":\"duplicate\"}");
                String after = WebhookDeliveries.body(WebhookDeliveries.newVideoId(), "video.created",
                        "video.created", 1, "queued", null);
                HttpResponse<String> afterAttack = post(endpoint, after);
                assertThat(afterAttack.statusCode()).as("accepted at once after the attack").isEqualTo(200);
                HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");
                assertThat(target.isAlive()).isTrue();
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(output).doesNotContain("OutOfMemoryError");
                String eventId = "evt_video_" + videoId + "_video_completed";
                assertThat(Pattern.compile(Pattern.quote(WebhookFloodTargetMain.EVENT_LINE + eventId)).matcher(output)
                    .results().count()).as("the valid event reached the listener once").isEqualTo(1);
            }
            finally {
                attackers.shutdownNow();
            }
        }
        finally {
            target.destroy();
            if (!target.waitFor(20, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    private static Process startTarget(String webStack, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx96m", "-XX:MaxDirectMemorySize=64m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                WebhookFloodTargetMain.class.getName(), "--server.port=0", "--server.address=127.0.0.1",
                "--spring.main.web-application-type=" + webStack, "--ai-stats.webhook.secret=" + WebhookDeliveries.SECRET,
                "--ai-stats.webhook.read-timeout=" + READ_TIMEOUT_SECONDS + "s",
                "--logging.level.io.aistats.video.webhook=ERROR",
                // the gateway health check would report the unreachable real gateway
                "--management.health.ai-stats.enabled=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    }

    private static int awaitPort(Process target, Path log) {
        Pattern port = Pattern.compile(Pattern.quote(WebhookFloodTargetMain.PORT_LINE) + "(\\d+)");
        int[] found = new int[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(target.isAlive()).as("target running; output:%n%s", Files.readString(log)).isTrue();
            Matcher matcher = port.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (matcher.find()) {
                found[0] = Integer.parseInt(matcher.group(1));
                return true;
            }
            return false;
        });
        return found[0];
    }

    private static HttpResponse<String> post(URI endpoint, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        new WebhookSigner(WebhookDeliveries.SECRET).headers(body, Instant.now().getEpochSecond())
            .forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private enum Kind {

        DECLARED, CHUNKED, HEADERS_ONLY
    }

    /** What an attacker connection got: a status code, "closed" or "unanswered", and how long after its last byte. */
    private record Answer(String outcome, long millis) {
    }

    /** One attacker: forged headers, part of a body, then silence until the receiver answers or closes. */
    private record Attack(int port, Kind kind) {

        Answer run(CountDownLatch sent) throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
                // a bounded wait: the attacker gives up by itself
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(ANSWER_BOUND_SECONDS + 20));
                long lastByte;
                try {
                    OutputStream output = socket.getOutputStream();
                    output.write(request().getBytes(StandardCharsets.ISO_8859_1));
                    output.flush();
                }
                catch (IOException ex) {
                    // refused at once and closed while still sending: that is an answer too
                }
                finally {
                    lastByte = System.nanoTime();
                    sent.countDown();
                }
                String outcome = readOutcome(socket.getInputStream());
                return new Answer(outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastByte));
            }
        }

        private String request() {
            byte[] signature = new byte[32];
            ThreadLocalRandom.current().nextBytes(signature);
            String headers = "POST /ai-stats/webhooks HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n"
                    + "Content-Type: application/json\r\nx-phaseo-timestamp: " + Instant.now().getEpochSecond()
                    + "\r\nx-phaseo-signature: " + HexFormat.of().formatHex(signature) + "\r\n";
            String filler = "{\"id\":\"" + "x".repeat(70_000);
            return switch (this.kind) {
                case DECLARED -> headers + "Content-Length: 65536\r\n\r\n" + filler.substring(0, 60_000);
                case CHUNKED -> headers + "Transfer-Encoding: chunked\r\n\r\n" + "4000\r\n"
                        + filler.substring(0, 16_384) + "\r\n4000\r\n" + filler.substring(0, 16_384) + "\r\n";
                case HEADERS_ONLY -> headers + "Content-Length: 65536\r\n\r\n";
            };
        }

        private static String readOutcome(InputStream input) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                int b;
                while ((b = input.read()) != -1) {
                    head.write(b);
                    String text = head.toString(StandardCharsets.ISO_8859_1);
                    if (text.endsWith("\r\n\r\n")) {
                        Matcher status = STATUS_LINE.matcher(text);
                        String code = status.find() ? status.group(1) : "malformed answer";
                        boolean retryAfter = text.toLowerCase(Locale.ROOT).contains("\r\nretry-after: 60\r\n");
                        return (code.equals("503") && !retryAfter) ? "503 without Retry-After" : code;
                    }
                }
                return "closed";
            }
            catch (SocketTimeoutException ex) {
                return "unanswered";
            }
            catch (IOException ex) {
                return "closed";
            }
        }
    }
}
