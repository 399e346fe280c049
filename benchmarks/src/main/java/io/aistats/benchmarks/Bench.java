package io.aistats.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What every benchmark shares: the machine facts, medians and percentiles, child JVMs, and the one result line per
 * figure that {@code run.sh} collects ({@code RESULT | name | figure | ratio | target | PASS}).
 */
final class Bench {

    /** The largest spread of a figure's rounds around their median that is taken without measuring again. */
    static final double MAX_SPREAD_PERCENT = 10;

    private Bench() {
    }

    /** Prints cores, memory, CPU, JDK and OS, as lines starting with {@code MACHINE}. */
    static void printMachineFacts() {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("MACHINE | cores " + runtime.availableProcessors() + " | memory "
            + procValue("/proc/meminfo", "MemTotal:") + " | cpu " + procValue("/proc/cpuinfo", "model name"));
        System.out.println("MACHINE | JDK " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version") + " | OS " + osName() + " (" + System.getProperty("os.name")
            + " " + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")");
        System.out.println("MACHINE | load average (1, 5, 15 min) " + loadAverage()
            + " | other processes on the same cores distort every figure");
    }

    /**
     * Prints the load average, as every benchmark does before and after it measures: other work on the same cores
     * distorts every figure, and this says how much there was.
     * @param benchmark the benchmark
     * @param when for example {@code before}
     */
    static void printLoad(String benchmark, String when) {
        System.out.println("LOAD | " + benchmark + " | " + when + " | load average (1, 5, 15 min) " + loadAverage()
            + " on " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    /**
     * Measures a figure's rounds again while they spread more than {@value #MAX_SPREAD_PERCENT} % either side of
     * their median, at most {@code maxBatches} times, and prints each batch's spread. The last batch is the
     * measurement: the earlier ones served as further warm-up.
     * @param figure what the rounds measure, for the printed spread
     * @param rounds rounds per batch
     * @param maxBatches the bound on batches
     * @param round measures one round (its argument counts the rounds of the batch from 0)
     * @param value the value of a round whose spread is judged, for example its ratio
     * @param <T> what a round measures
     * @return the rounds of the last batch
     */
    static <T> List<T> measureSteadily(String figure, int rounds, int maxBatches, RoundMeasurement<T> round,
            ToDoubleFunction<T> value) throws Exception {
        List<T> batch = new ArrayList<>();
        for (int attempt = 1; attempt <= maxBatches; attempt++) {
            batch.clear();
            for (int i = 0; i < rounds; i++) {
                batch.add(round.measure(i));
            }
            double spread = spreadPercent(batch.stream().map((each) -> value.applyAsDouble(each)).toList());
            boolean steady = spread <= MAX_SPREAD_PERCENT;
            System.out.println(format("SPREAD | %s | batch %d of at most %d: rounds within ±%.1f %% of their median%s",
                figure, attempt, maxBatches, spread, steady ? "" : (attempt < maxBatches) ? ", measured again"
                    : ", the bound is reached: the figure keeps this spread"));
            if (steady) {
                break;
            }
        }
        return batch;
    }

    /** @return the largest distance of a value from the values' median, in per cent of the median */
    static double spreadPercent(List<Double> values) {
        double median = median(values);
        return values.stream().mapToDouble((value) -> Math.abs(value - median)).max().orElse(0) / median * 100;
    }

    /**
     * One round of a measurement.
     * @param <T> what it measures
     */
    @FunctionalInterface
    interface RoundMeasurement<T> {

        T measure(int round) throws Exception;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim()
                .split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    /**
     * Prints one result line.
     * @param name the benchmark
     * @param figure what was measured, with units and the baseline
     * @param ratio the measured value over the baseline (or the added cost, see {@code target})
     * @param target how the ratio is judged, for example {@code >= 0.90}
     * @param pass whether the target is met
     */
    static void result(String name, String figure, String ratio, String target, boolean pass) {
        System.out.println("RESULT | " + name + " | " + figure + " | " + ratio + " | " + target + " | "
            + (pass ? "PASS" : "FAIL"));
    }

    /** Prints a line for information only (no target). */
    static void info(String name, String figure) {
        System.out.println("RESULT | " + name + " | " + figure + " | - | - | INFO");
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * A 95 % confidence interval of the median, by the percentile bootstrap: the median of 2000 resamples (drawn with
     * replacement, from a fixed seed so that the same values always give the same interval).
     * @param values at least one value
     * @return the interval's lower and upper bound
     */
    static double[] medianInterval(List<Double> values) {
        SplittableRandom random = new SplittableRandom(42);
        int resamples = 2000;
        List<Double> medians = new ArrayList<>(resamples);
        List<Double> resample = new ArrayList<>(values.size());
        for (int i = 0; i < resamples; i++) {
            resample.clear();
            for (int j = 0; j < values.size(); j++) {
                resample.add(values.get(random.nextInt(values.size())));
            }
            medians.add(median(resample));
        }
        medians.sort(null);
        return new double[] { medians.get(resamples / 40), medians.get(resamples - 1 - resamples / 40) };
    }

    /**
     * @param sorted ascending values
     * @param percentile 0 ... 100
     * @return the nearest-rank percentile
     */
    static long percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** A free port on the loopback interface, for servers that must know their port before they start. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A child JVM on this JVM's class path (or another one).
     * @param classPath the class path
     * @param jvmOptions options such as {@code -Xmx64m}
     * @param mainClass the main class
     * @param args its arguments
     * @return the command line
     */
    static List<String> javaCommand(String classPath, List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs a command to its end (bounded) and returns what it printed.
     * @param command the command
     * @param timeoutSeconds how long it may run
     * @return standard output and error, merged
     */
    static String run(List<String> command, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("ai-stats-bench", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command.get(0)
                        + " ...\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("Exit code " + process.exitValue() + " of " + command + "\n"
                        + output);
                }
                return output;
            }
            finally {
                Files.deleteIfExists(log);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /**
     * @param output a child's output
     * @param key the start of the line, for example {@code DOWNLOAD}
     * @return the whitespace-separated fields after the key on the last such line
     */
    static String[] fields(String output, String key) {
        String found = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(key + " ")) {
                found = line;
            }
        }
        if (found == null) {
            throw new IllegalStateException("No line starting with " + key + " in:\n" + output);
        }
        return found.substring(key.length() + 1).trim().split("\\s+");
    }

    /** @return this process's peak resident set size ({@code VmHWM}), for example {@code 123456 kB} */
    static String peakRss() {
        return procValue("/proc/self/status", "VmHWM:");
    }

    /** @return the JVM's uptime in milliseconds */
    static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static String osName() {
        String pretty = procValue("/etc/os-release", "PRETTY_NAME=");
        return pretty.replace("\"", "");
    }

    private static String procValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    String value = line.substring(key.length()).trim();
                    return value.startsWith(":") ? value.substring(1).trim() : value;
                }
            }
        }
        catch (IOException ex) {
            // not Linux, or not readable: say so rather than fail the benchmark
        }
        return "unknown";
    }
}
