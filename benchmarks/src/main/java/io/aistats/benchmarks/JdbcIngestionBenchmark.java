package io.aistats.benchmarks;

import io.aistats.test.WebhookSigner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Benchmark 3b, webhook ingestion on PostgreSQL: signed deliveries per second into the starter's webhook endpoint of
 * {@link BenchmarkApplication} with {@code ai-stats.webhook.dedupe.store=jdbc} on a fresh database of the real
 * PostgreSQL server {@code .ci/postgres.sh} starts (each delivery: claim by insert, publish, complete, in one
 * transaction, committed before the answer), against the same application with the in-memory store. Both run at once
 * in JVMs of their own; rounds alternate between them at {@value #CONNECTIONS} concurrent connections on loopback,
 * every delivery a new event. The ratio is the median of the per-round ratios; afterwards the database must hold
 * exactly one completed claim per delivery the JDBC application accepted. Each round also reports the CPU time per
 * delivery of both JVMs and of the PostgreSQL backends serving the JDBC application, which shows where the
 * difference goes when the load generator, both applications and the database share the same cores.
 * Target: at least 0.5 of the in-memory throughput.
 * <p>
 * The server's URL comes from {@code AISTATS_TEST_POSTGRES_URL} (default {@value #DEFAULT_SERVER_URL}, user
 * {@code postgres}), as for the tests.
 */
public final class JdbcIngestionBenchmark {

    private static final double TARGET = 0.5;

    private static final int CONNECTIONS = 8;

    private static final Duration WARM_UP = Duration.ofSeconds(3);

    /** The JDBC path (driver, pool, transactions) takes the JIT far longer than the in-memory one. */
    private static final int WARM_UPS = 10;

    private static final Duration ROUND = Duration.ofSeconds(4);

    private static final int ROUNDS = 5;

    /** Bounds every round by count as well as by time. */
    private static final int MAX_DELIVERIES_PER_ROUND = 200_000;

    private static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:55432/aistats";

    private static final String SECRET = "whsec_benchmark_Jd7bQ2xR9mKt4WvN1pLs8HcY3eFg6UaZ";

    private static final AtomicLong eventNumbers = new AtomicLong(1_000_000_000L);

    private JdbcIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String serverUrl = System.getenv().getOrDefault("AISTATS_TEST_POSTGRES_URL", DEFAULT_SERVER_URL);
        String database = "aistats_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String databaseUrl = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        String jdbcClassPath = Files.readString(besideThisJar("jdbc-classpath.txt")).trim();
        try (PostgresServer server = new PostgresServer(jdbcClassPath)) {
            server.execute(serverUrl, "CREATE DATABASE " + database);
            try {
                measure(jdbcClassPath, databaseUrl, server);
            }
            finally {
                server.execute(serverUrl, "DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    private static void measure(String jdbcClassPath, String databaseUrl, PostgresServer server) throws Exception {
        String classPath = System.getProperty("java.class.path");
        try (Application memory = Application.start(classPath);
                Application jdbc = Application.start(classPath + File.pathSeparator + jdbcClassPath,
                        "--ai-stats.webhook.dedupe.store=jdbc", "--ai-stats.jdbc.initialize-schema=always",
                        "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres")) {
            memory.awaitReady();
            jdbc.awaitReady();
            jdbc.databaseCpu(() -> server.backendCpuNanos(databaseUrl));
            for (int i = 0; i < WARM_UPS; i++) {
                jdbc.deliver(WARM_UP);
                memory.deliver(WARM_UP);
            }
            List<Double> jdbcRates = new ArrayList<>();
            List<Double> memoryRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Long> jdbcLatencies = new ArrayList<>();
            List<Long> memoryLatencies = new ArrayList<>();
            List<Double> jdbcCpu = new ArrayList<>();
            List<Double> databaseCpu = new ArrayList<>();
            List<Double> memoryCpu = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                boolean jdbcFirst = (round % 2 == 1);
                Delivered first = (jdbcFirst ? jdbc : memory).deliver(ROUND);
                Delivered second = (jdbcFirst ? memory : jdbc).deliver(ROUND);
                Delivered onJdbc = jdbcFirst ? first : second;
                Delivered inMemory = jdbcFirst ? second : first;
                jdbcRates.add(onJdbc.rate());
                memoryRates.add(inMemory.rate());
                ratios.add(onJdbc.rate() / inMemory.rate());
                jdbcLatencies.addAll(onJdbc.latencies());
                memoryLatencies.addAll(inMemory.latencies());
                jdbcCpu.add(onJdbc.applicationCpuMicros());
                databaseCpu.add(onJdbc.databaseCpuMicros());
                memoryCpu.add(inMemory.applicationCpuMicros());
                System.out.println(Bench.format("round %d: JDBC store %.0f/s, in-memory store %.0f/s, ratio %.3f; CPU "
                    + "per delivery: JDBC application %.0f us + its PostgreSQL backends %.0f us, in-memory application "
                    + "%.0f us", round, onJdbc.rate(), inMemory.rate(), onJdbc.rate() / inMemory.rate(),
                    onJdbc.applicationCpuMicros(), onJdbc.databaseCpuMicros(), inMemory.applicationCpuMicros()));
            }
            long claims = server.count(databaseUrl, "SELECT COUNT(*) FROM AISTATS_PROCESSED_EVENT WHERE COMPLETED");
            if (claims != jdbc.accepted()) {
                throw new IllegalStateException("The JDBC application accepted " + jdbc.accepted()
                    + " deliveries but recorded " + claims + " completed claims");
            }
            System.out.println("completed claims in PostgreSQL: " + claims + ", one per accepted delivery");
            long[] jdbcSorted = Bench.sorted(jdbcLatencies);
            long[] memorySorted = Bench.sorted(memoryLatencies);
            double ratio = Bench.median(ratios);
            Bench.result("3b. webhook ingestion, JDBC store on PostgreSQL vs in-memory store, " + CONNECTIONS
                    + " connections",
                Bench.format("JDBC store %.0f deliveries/s (p50 %.2f ms, p99 %.2f ms) vs in-memory store %.0f/s "
                    + "(p50 %.2f ms, p99 %.2f ms)", Bench.median(jdbcRates),
                    Bench.millis(Bench.percentile(jdbcSorted, 50)), Bench.millis(Bench.percentile(jdbcSorted, 99)),
                    Bench.median(memoryRates), Bench.millis(Bench.percentile(memorySorted, 50)),
                    Bench.millis(Bench.percentile(memorySorted, 99))),
                Bench.format("%.3f", ratio), ">= " + TARGET, ratio >= TARGET);
            Bench.info("3b. CPU per delivery (median of rounds)", Bench.format("JDBC application %.0f us + its "
                + "PostgreSQL backends %.0f us vs in-memory application %.0f us; %d cores shared with the load "
                + "generator", Bench.median(jdbcCpu), Bench.median(databaseCpu), Bench.median(memoryCpu),
                Runtime.getRuntime().availableProcessors()));
        }
    }

    /** A file in the directory of the benchmarks jar, where the build writes the class path files. */
    private static Path besideThisJar(String name) throws Exception {
        Path jar = Path.of(JdbcIngestionBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.resolveSibling(name);
    }

    /**
     * What one period of load achieved, and what it cost.
     * @param rate accepted deliveries per second
     * @param latencies of every delivery, in nanoseconds
     * @param applicationCpuMicros CPU time of the application's JVM per delivery
     * @param databaseCpuMicros CPU time of the application's PostgreSQL backends per delivery (0 without)
     */
    private record Delivered(double rate, List<Long> latencies, double applicationCpuMicros,
            double databaseCpuMicros) {
    }

    /** {@link BenchmarkApplication} in a JVM of its own, on a port of its own. */
    private static final class Application implements AutoCloseable {

        private final Process process;

        private final Path log;

        private final URI webhook;

        private final URI noOp;

        private final AtomicLong accepted = new AtomicLong();

        private LongSupplier databaseCpuNanos = () -> 0;

        private Application(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.webhook = URI.create("http://127.0.0.1:" + port + "/ai-stats/webhooks");
            this.noOp = URI.create("http://127.0.0.1:" + port + BenchmarkApplication.NO_OP_PATH);
        }

        static Application start(String classPath, String... properties) throws IOException {
            int port = Bench.freePort();
            List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--ai-stats.webhook.secret=" + SECRET, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // Tomcat would close each connection after 100 requests, racing the client's reuse of it
                "--server.tomcat.max-keep-alive-requests=-1"));
            args.addAll(List.of(properties));
            Path log = Files.createTempFile("ai-stats-jdbc-bench", ".log");
            Process process = new ProcessBuilder(Bench.javaCommand(classPath, List.of("-Xmx512m"),
                BenchmarkApplication.class, args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Application(process, log, port);
        }

        /** Waits (bounded) until the no-op endpoint answers. */
        void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            HttpRequest probe = HttpRequest.newBuilder(this.noOp).POST(HttpRequest.BodyPublishers.noBody()).build();
            while (this.process.isAlive() && System.nanoTime() < deadline) {
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                }
                catch (IOException ex) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("The application is not ready:\n" + Files.readString(this.log));
        }

        /** Sends new signed deliveries from every connection for a while; each must be accepted. */
        Delivered deliver(Duration duration) throws Exception {
            long applicationCpu = applicationCpuNanos();
            long databaseCpu = this.databaseCpuNanos.getAsLong();
            long until = System.nanoTime() + duration.toNanos();
            AtomicLong budget = new AtomicLong(MAX_DELIVERIES_PER_ROUND);
            WebhookSigner signer = new WebhookSigner(SECRET);
            List<Callable<List<Long>>> connections = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                connections.add(() -> {
                    List<Long> latencies = new ArrayList<>();
                    try (KeepAliveConnection connection = new KeepAliveConnection(this.webhook)) {
                        while (System.nanoTime() < until && budget.decrementAndGet() >= 0) {
                            latencies.add(send(connection, signer));
                        }
                    }
                    return latencies;
                });
            }
            ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                long started = System.nanoTime();
                List<Long> latencies = new ArrayList<>();
                for (Future<List<Long>> connection : threads.invokeAll(connections)) {
                    latencies.addAll(connection.get());
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double micros = 1e-3 / latencies.size();
                return new Delivered(latencies.size() / seconds, latencies,
                    (applicationCpuNanos() - applicationCpu) * micros,
                    (this.databaseCpuNanos.getAsLong() - databaseCpu) * micros);
            }
            finally {
                threads.shutdownNow();
            }
        }

        /** Sends one delivery of a new event and returns its latency in nanoseconds. */
        private long send(KeepAliveConnection connection, WebhookSigner signer) throws IOException {
            byte[] body = WebhookIngestionBenchmark.delivery(eventNumbers.incrementAndGet());
            Map<String, String> headers = signer.headers(body, Instant.now().getEpochSecond());
            long started = System.nanoTime();
            String response = connection.post(headers, body);
            long latency = System.nanoTime() - started;
            if (!response.startsWith("200 ")) {
                throw new IllegalStateException("Delivery answered " + response);
            }
            this.accepted.incrementAndGet();
            return latency;
        }

        /** Counts the CPU time of the database sessions serving this application into its deliveries' cost. */
        void databaseCpu(LongSupplier cpuNanos) {
            this.databaseCpuNanos = cpuNanos;
        }

        private long applicationCpuNanos() {
            return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        long accepted() {
            return this.accepted.get();
        }

        @Override
        public void close() throws Exception {
            this.process.destroy();
            if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
            Files.deleteIfExists(this.log);
        }
    }

    /**
     * One HTTP/1.1 connection kept alive for a whole load period, written and read by hand: the JDK's client, with
     * two servers loaded in turn, now and then took a pooled connection the server had just written to and failed
     * the request, which a count of accepted deliveries cannot tolerate. Reads bodies of a known length only.
     */
    private static final class KeepAliveConnection implements AutoCloseable {

        private final Socket socket;

        private final String target;

        private final OutputStream out;

        private final InputStream in;

        KeepAliveConnection(URI endpoint) throws IOException {
            this.socket = new Socket(endpoint.getHost(), endpoint.getPort());
            this.socket.setTcpNoDelay(true);
            this.socket.setSoTimeout(30_000);
            this.target = endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort();
            this.out = new BufferedOutputStream(this.socket.getOutputStream());
            this.in = new BufferedInputStream(this.socket.getInputStream());
        }

        /**
         * Posts a body and reads the whole answer.
         * @return the status code and the body, for example {@code 200 {"status":"accepted"}}
         */
        String post(Map<String, String> headers, byte[] body) throws IOException {
            StringBuilder request = new StringBuilder("POST ").append(this.target).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            this.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            this.out.write(body);
            this.out.flush();
            String status = line();
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("No Content-Length in the answer " + status);
            }
            return status.substring(status.indexOf(' ') + 1, status.indexOf(' ') + 4) + " "
                + new String(this.in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
                if (c < 0) {
                    throw new IOException("The server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            this.socket.close();
        }
    }

    /**
     * The PostgreSQL server, through its JDBC driver loaded from the JDBC class path: this JVM's class path leaves
     * it out, like the in-memory application's.
     */
    private static final class PostgresServer implements AutoCloseable {

        private final URLClassLoader loader;

        private final Driver driver;

        PostgresServer(String jdbcClassPath) throws Exception {
            List<URL> jars = new ArrayList<>();
            for (String entry : jdbcClassPath.split(File.pathSeparator)) {
                jars.add(Path.of(entry).toUri().toURL());
            }
            this.loader = new URLClassLoader(jars.toArray(URL[]::new), JdbcIngestionBenchmark.class.getClassLoader());
            this.driver = (Driver) Class.forName("org.postgresql.Driver", true, this.loader)
                .getDeclaredConstructor().newInstance();
        }

        void execute(String url, String sql) throws SQLException {
            try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        /**
         * The CPU time so far of the server processes serving one database's sessions, from {@code /proc} (Linux,
         * 100 clock ticks per second); 0 where it cannot be read.
         */
        long backendCpuNanos(String databaseUrl) {
            String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
            String serverUrl = databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "postgres";
            long ticks = 0;
            try (Connection connection = connect(serverUrl); Statement statement = connection.createStatement();
                    ResultSet pids = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '"
                        + database + "'")) {
                while (pids.next()) {
                    String stat = Files.readString(Path.of("/proc", pids.getString(1), "stat"));
                    // after the command name in parentheses: state is field 3, utime field 14, stime field 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            catch (SQLException | IOException ex) {
                return 0;
            }
            return ticks * 10_000_000L;
        }

        long count(String url, String sql) throws SQLException {
            try (Connection connection = connect(url); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        }

        private Connection connect(String url) throws SQLException {
            Properties user = new Properties();
            user.setProperty("user", "postgres");
            Connection connection = this.driver.connect(url, user);
            if (connection == null) {
                throw new SQLException("Not a PostgreSQL URL: " + url);
            }
            return connection;
        }

        @Override
        public void close() throws IOException {
            this.loader.close();
        }
    }
}
