package io.aistats.benchmarks;

import io.aistats.benchmarks.startup.StartupApplication;
import org.jspecify.annotations.Nullable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Benchmark 5, startup cost: {@code SpringApplication.run} of the same Spring MVC application
 * ({@link StartupApplication}) with the starter on the class path, with the peer, Spring AI's OpenAI starter
 * ({@code spring-ai-starter-model-openai}), instead, and with neither (the baseline: the same class path less the
 * starter's jars, which keeps {@code spring-boot-starter-webclient}), in fresh JVMs that take turns, one of each
 * side by side, {@value #JVMS} times. Each JVM refreshes the context {@value #REFRESHES} times: the first refresh is
 * what an application pays when it starts, the later ones show the cost once classes are loaded and compiled. Each
 * added cost is the median of the paired differences to the baseline JVM that ran next to it, with its 95 %
 * confidence interval; the figure judged is the starter's added cost over Spring AI's, for the whole process until
 * the first refresh ended (wall and CPU) and for the first refresh, target at most {@value #PEER_TARGET}. With the
 * argument {@code cds}, the starter and the baseline run once more with class-data sharing (each class path with the
 * archive of its own training run), the JVM's own way to start faster, judged against under 30 ms added.
 */
public final class StartupBenchmark {

    private static final String NAME = "5. startup";

    private static final long TARGET_MILLIS = 30;

    private static final double PEER_TARGET = 0.25;

    private static final int JVMS = 30;

    private static final int REFRESHES = 4;

    /** The heap of every JVM, training runs included, so that an archive matches the JVMs that use it. */
    private static final String HEAP = "-Xmx256m";

    /** The system property with the peers' class path (run.sh sets it from the module's peers-classpath.txt). */
    private static final String PEERS_CLASSPATH = "aistats.benchmarks.peers-classpath";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Bench.printLoad(NAME, "before");
        String with = System.getProperty("java.class.path");
        String without = Arrays.stream(with.split(File.pathSeparator))
            .filter((entry) -> !entry.contains("ai-stats-spring-boot-"))
            .collect(Collectors.joining(File.pathSeparator));
        String peers = System.getProperty(PEERS_CLASSPATH);
        if (peers == null || peers.isBlank()) {
            throw new IllegalStateException("No class path of Spring AI's starter: run through benchmarks/run.sh, "
                + "which sets -D" + PEERS_CLASSPATH);
        }
        boolean classDataSharing = Arrays.asList(args).contains("cds");
        Variant starter = new Variant("with the starter", with, null);
        Variant plain = new Variant("baseline", without, null);
        Variant springAi = new Variant("with Spring AI", without + File.pathSeparator + peers, null);
        // one unmeasured run each, so that the disk cache holds every jar
        for (Variant variant : List.of(starter, plain, springAi)) {
            variant.run(false);
        }
        Path archives = Files.createTempDirectory("ai-stats-startup-cds");
        Variant starterShared = classDataSharing ? starter.withClassDataSharing(archives.resolve("with.jsa")) : null;
        Variant plainShared = classDataSharing ? plain.withClassDataSharing(archives.resolve("without.jsa")) : null;
        List<Variant> turns = List.of(starter, plain, springAi);
        for (int i = 0; i < JVMS; i++) {
            // the order rotates, so that no side always runs first or after the same one
            for (int j = 0; j < turns.size(); j++) {
                turns.get((i + j) % turns.size()).run(true);
            }
            if (classDataSharing) {
                List<Variant> shared = (i % 2 == 0) ? List.of(plainShared, starterShared)
                        : List.of(starterShared, plainShared);
                for (Variant variant : shared) {
                    variant.run(true);
                }
            }
        }
        if (classDataSharing) {
            Files.delete(starterShared.archive);
            Files.delete(plainShared.archive);
        }
        Files.delete(archives);
        if (starter.starterBeans == 0 || plain.starterBeans != 0 || springAi.starterBeans != 0
                || springAi.springAiBeans == 0 || starter.springAiBeans != 0 || plain.springAiBeans != 0) {
            throw new IllegalStateException("The variants are not what they claim: " + starter.starterBeans + ", "
                + plain.starterBeans + " and " + springAi.starterBeans + " ai-stats beans, " + starter.springAiBeans
                + ", " + plain.springAiBeans + " and " + springAi.springAiBeans + " Spring AI beans");
        }
        System.out.println(Bench.format("beans: baseline %d, with the starter %d (%d of the starter), with Spring AI "
            + "%d (%d of Spring AI)", plain.beans, starter.beans, starter.starterBeans, springAi.beans,
            springAi.springAiBeans));
        against(starter, springAi, plain, "whole process until the first refresh ended, wall (JVM uptime)",
            (variant) -> variant.uptime, true);
        against(starter, springAi, plain, "whole process until the first refresh ended, CPU (all threads)",
            (variant) -> variant.cpu, true);
        against(starter, springAi, plain, "first context refresh", (variant) -> variant.first, true);
        against(starter, springAi, plain, "main thread CPU time of the first refresh",
            (variant) -> variant.mainThreadCpu, true);
        // a warm refresh adds a few milliseconds on either side: their ratio says nothing, so it is not judged
        against(starter, springAi, plain, "later context refreshes (warm JVM)", (variant) -> variant.laterMedian,
            false);
        List<Double> pairedMainCpu = paired(starter.mainThreadCpu, plain.mainThreadCpu);
        double addedMainCpu = Bench.median(pairedMainCpu);
        double addedParse = Bench.median(paired(starter.parseCpu, plain.parseCpu));
        double starterBeans = Bench.median(starter.starterBeansCpu);
        double addedOtherBeans = Bench.median(paired(starter.otherBeansCpu, plain.otherBeansCpu));
        Bench.info(NAME + ", where the starter's share of the first refresh's main thread CPU goes (medians of the "
            + "paired differences)", Bench.format("configuration classes and their conditions %+.0f ms; the starter's "
            + "beans %.0f ms (costliest: %s); the other beans %+.0f ms; the rest %+.0f ms", addedParse, starterBeans,
            starter.costliestBeans(5), addedOtherBeans, addedMainCpu - addedParse - starterBeans - addedOtherBeans));
        if (classDataSharing) {
            verdict(NAME + " with class-data sharing, first context refresh in a fresh JVM",
                paired(starterShared.first, plainShared.first),
                Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; each side with the "
                    + "archive of its own training run)", Bench.median(starterShared.first),
                    Bench.median(plainShared.first), JVMS));
            verdict(NAME + " with class-data sharing, main thread CPU time of the first refresh",
                paired(starterShared.mainThreadCpu, plainShared.mainThreadCpu),
                Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each)",
                    Bench.median(starterShared.mainThreadCpu), Bench.median(plainShared.mainThreadCpu), JVMS));
        }
        Bench.printLoad(NAME, "after");
    }

    /**
     * Prints the starter's added cost over Spring AI's for one measure, each the median of the paired differences to
     * the baseline, with the ratio's 95 % interval (bootstrap over the triples of JVMs); judged against the target
     * or printed for information only.
     */
    private static void against(Variant starter, Variant springAi, Variant plain, String measure,
            Function<Variant, List<Double>> values, boolean judged) {
        List<Double> starterAdded = paired(values.apply(starter), values.apply(plain));
        List<Double> springAiAdded = paired(values.apply(springAi), values.apply(plain));
        double ratio = Bench.median(starterAdded) / Bench.median(springAiAdded);
        double[] interval = ratioInterval(starterAdded, springAiAdded);
        double[] starterInterval = Bench.medianInterval(starterAdded);
        double[] springAiInterval = Bench.medianInterval(springAiAdded);
        String figure = Bench.format("baseline %.0f ms, with the starter %.0f ms, with Spring AI %.0f ms (medians of "
            + "%d JVMs each); added: the starter %+.0f ms (95 %% interval %+.0f to %+.0f), Spring AI %+.0f ms (%+.0f "
            + "to %+.0f)", Bench.median(values.apply(plain)), Bench.median(values.apply(starter)),
            Bench.median(values.apply(springAi)), starterAdded.size(), Bench.median(starterAdded), starterInterval[0],
            starterInterval[1], Bench.median(springAiAdded), springAiInterval[0], springAiInterval[1]);
        String name = NAME + ", " + measure + ", against Spring AI";
        if (!judged) {
            Bench.info(name, figure + Bench.format("; ratio %.3f", ratio));
            return;
        }
        // a ratio over a negative or zero cost of Spring AI would pass by accident
        boolean pass = Bench.median(springAiAdded) > 0 && ratio <= PEER_TARGET;
        Bench.result(name, figure, Bench.format("%.3f (95 %% interval %.3f to %.3f)", ratio, interval[0],
            interval[1]), "<= " + PEER_TARGET, pass);
    }

    /**
     * A 95 % interval of the ratio of two medians of paired values, by the percentile bootstrap over the pairs
     * (fixed seed).
     */
    private static double[] ratioInterval(List<Double> numerators, List<Double> denominators) {
        SplittableRandom random = new SplittableRandom(42);
        int resamples = 2000;
        List<Double> ratios = new ArrayList<>(resamples);
        List<Double> numerator = new ArrayList<>();
        List<Double> denominator = new ArrayList<>();
        for (int i = 0; i < resamples; i++) {
            numerator.clear();
            denominator.clear();
            for (int j = 0; j < numerators.size(); j++) {
                int pick = random.nextInt(numerators.size());
                numerator.add(numerators.get(pick));
                denominator.add(denominators.get(pick));
            }
            ratios.add(Bench.median(numerator) / Bench.median(denominator));
        }
        ratios.sort(null);
        return new double[] { ratios.get(resamples / 40), ratios.get(resamples - 1 - resamples / 40) };
    }

    /** Prints a figure judged by the median of the paired differences and its 95 % confidence interval. */
    private static void verdict(String name, List<Double> pairedDifferences, String figure) {
        double median = Bench.median(pairedDifferences);
        double[] interval = Bench.medianInterval(pairedDifferences);
        Bench.result(name, figure, Bench.format("%+.0f ms (95 %% interval %+.0f to %+.0f ms, %d pairs)", median,
            interval[0], interval[1], pairedDifferences.size()), "< +" + TARGET_MILLIS + " ms", median < TARGET_MILLIS);
    }

    private static List<Double> paired(List<Double> with, List<Double> without) {
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            differences.add(with.get(i) - without.get(i));
        }
        return differences;
    }

    private static String interquartileRange(List<Double> values) {
        long[] sorted = Bench.sorted(values.stream().map(Math::round).toList());
        return Bench.percentile(sorted, 25) + " to " + Bench.percentile(sorted, 75) + " ms";
    }

    /** One class path and what its runs measured. */
    private static final class Variant {

        private final String name;

        private final String classPath;

        private final List<Double> first = new ArrayList<>();

        private final List<Double> uptime = new ArrayList<>();

        private final List<Double> cpu = new ArrayList<>();

        private final List<Double> later = new ArrayList<>();

        /** The median of each JVM's later refreshes, so that JVMs can be paired. */
        private final List<Double> laterMedian = new ArrayList<>();

        private final Map<String, List<Double>> starterBeanCpu = new TreeMap<>();

        private final List<Double> mainThreadCpu = new ArrayList<>();

        private final List<Double> parseCpu = new ArrayList<>();

        private final List<Double> starterBeansCpu = new ArrayList<>();

        private final List<Double> otherBeansCpu = new ArrayList<>();

        private long beans;

        private long starterBeans;

        private long springAiBeans;

        /** The class-data archive its JVMs start with ({@code -Xshare:on}: they fail rather than run without it). */
        private final @Nullable Path archive;

        Variant(String name, String classPath, @Nullable Path archive) {
            this.name = name;
            this.classPath = classPath;
            this.archive = archive;
        }

        /**
         * The same class path started with a class-data archive, made as Spring Boot documents it: a training run
         * that exits once the context is refreshed.
         */
        Variant withClassDataSharing(Path archive) {
            Bench.run(Bench.javaCommand(this.classPath, List.of(HEAP, "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh"), StartupApplication.class, "1"), 120);
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("The training run wrote no class-data archive: " + archive);
            }
            return new Variant(this.name + ", class-data sharing", this.classPath, archive);
        }

        /** @return the starter's beans that cost most main thread CPU, by the median over the JVMs */
        String costliestBeans(int count) {
            Comparator<Map.Entry<String, List<Double>>> byMedian = Comparator
                .comparingDouble((bean) -> Bench.median(bean.getValue()));
            return this.starterBeanCpu.entrySet()
                .stream()
                .sorted(byMedian.reversed())
                .limit(count)
                .map((bean) -> Bench.format("%s %.1f ms", bean.getKey(), Bench.median(bean.getValue())))
                .collect(Collectors.joining(", "));
        }

        void run(boolean measured) {
            List<String> options = (this.archive != null)
                    ? List.of(HEAP, "-XX:SharedArchiveFile=" + this.archive, "-Xshare:on") : List.of(HEAP);
            String output = Bench.run(Bench.javaCommand(this.classPath, options, StartupApplication.class,
                String.valueOf(REFRESHES)), 120);
            String[] beanCounts = Bench.fields(output, "BEANS");
            this.beans = Long.parseLong(beanCounts[0]);
            this.starterBeans = Long.parseLong(beanCounts[1]);
            this.springAiBeans = Long.parseLong(beanCounts[2]);
            String[] times = Bench.fields(output, "STARTUP");
            if (!measured) {
                return;
            }
            this.first.add(Double.parseDouble(times[0]));
            this.mainThreadCpu.add(Double.parseDouble(Bench.fields(output, "MAINCPU")[0]));
            String[] phases = Bench.fields(output, "PHASES");
            this.parseCpu.add(Double.parseDouble(phases[0]));
            this.starterBeansCpu.add(Double.parseDouble(phases[1]));
            this.otherBeansCpu.add(Double.parseDouble(phases[2]));
            this.uptime.add(Double.parseDouble(times[1]));
            this.cpu.add(Double.parseDouble(times[2]));
            List<Double> laterOfThisJvm = new ArrayList<>();
            for (int i = 3; i < times.length; i++) {
                laterOfThisJvm.add(Double.parseDouble(times[i]));
            }
            this.later.addAll(laterOfThisJvm);
            this.laterMedian.add(Bench.median(laterOfThisJvm));
            if (this.starterBeans > 0) {
                for (String bean : Bench.fields(output, "STARTERBEANS")) {
                    int separator = bean.lastIndexOf('=');
                    this.starterBeanCpu.computeIfAbsent(bean.substring(0, separator), (name) -> new ArrayList<>())
                        .add(Long.parseLong(bean.substring(separator + 1)) / 1000.0);
                }
            }
            System.out.println(Bench.format("%s: first refresh %s ms (main thread CPU %.0f ms, process CPU so far %s ms), "
                + "later %s ms", this.name, times[0], this.mainThreadCpu.get(this.mainThreadCpu.size() - 1), times[2],
                String.join(", ", Arrays.copyOfRange(times, 3, times.length))));
        }
    }
}
