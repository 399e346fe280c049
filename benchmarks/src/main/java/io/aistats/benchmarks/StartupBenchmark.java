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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Benchmark 5, startup cost: {@code SpringApplication.run} of the same Spring MVC application
 * ({@link StartupApplication}) with the starter on the class path and without it (the same class path less the
 * starter's jars), in fresh JVMs that alternate. Each JVM refreshes the context {@value #REFRESHES} times: the first
 * refresh is what an application pays when it starts, the later ones show the cost once classes are loaded and
 * compiled. The same pairs run once more with class-data sharing (each class path with the archive of its own
 * training run), the JVM's own way to start faster. Each figure is the median of the paired differences (the JVM with
 * the starter minus the one without that ran next to it), judged against the target of under 30 ms added, with its
 * 95 % confidence interval: an interval that spans the target means that the run cannot tell.
 */
public final class StartupBenchmark {

    private static final long TARGET_MILLIS = 30;

    private static final int JVMS = 40;

    private static final int REFRESHES = 4;

    /** The heap of every JVM, training runs included, so that an archive matches the JVMs that use it. */
    private static final String HEAP = "-Xmx256m";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String with = System.getProperty("java.class.path");
        String without = Arrays.stream(with.split(File.pathSeparator))
            .filter((entry) -> !entry.contains("ai-stats-spring-boot-"))
            .collect(Collectors.joining(File.pathSeparator));
        Variant starter = new Variant("with the starter", with, null);
        Variant plain = new Variant("without", without, null);
        // one unmeasured run each, so that the disk cache holds every jar
        starter.run(false);
        plain.run(false);
        Path archives = Files.createTempDirectory("ai-stats-startup-cds");
        Variant starterShared = starter.withClassDataSharing(archives.resolve("with.jsa"));
        Variant plainShared = plain.withClassDataSharing(archives.resolve("without.jsa"));
        for (int i = 0; i < JVMS; i++) {
            // alternated, so that neither side of a pair always runs first
            List<Variant> order = (i % 2 == 0) ? List.of(starter, plain, plainShared, starterShared)
                    : List.of(plain, starter, starterShared, plainShared);
            for (Variant variant : order) {
                variant.run(true);
            }
        }
        for (Variant variant : List.of(starterShared, plainShared)) {
            Files.delete(variant.archive);
        }
        Files.delete(archives);
        if (starter.starterBeans == 0 || plain.starterBeans != 0 || starterShared.starterBeans == 0
                || plainShared.starterBeans != 0) {
            throw new IllegalStateException("The variants are not what they claim: " + starter.starterBeans + ", "
                + plain.starterBeans + ", " + starterShared.starterBeans + " and " + plainShared.starterBeans
                + " ai-stats beans");
        }
        // the JVMs ran in pairs, one of each next to the other: the pairs' differences cancel the machine's drift
        List<Double> pairedFirst = paired(starter.first, plain.first);
        List<Double> pairedMainCpu = paired(starter.mainThreadCpu, plain.mainThreadCpu);
        List<Double> pairedLater = paired(starter.laterMedian, plain.laterMedian);
        double addedCpu = Bench.median(starter.cpu) - Bench.median(plain.cpu);
        System.out.println(Bench.format("with the starter: %d beans (%d of the starter), without: %d beans",
            starter.beans, starter.starterBeans, plain.beans));
        verdict("5. startup, first context refresh in a fresh JVM", pairedFirst,
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; interquartile ranges "
                + "%s and %s; JVM uptime after it %.0f vs %.0f ms; process CPU %.0f vs %.0f ms, %+.0f ms)",
                Bench.median(starter.first), Bench.median(plain.first), JVMS, interquartileRange(starter.first),
                interquartileRange(plain.first), Bench.median(starter.uptime), Bench.median(plain.uptime),
                Bench.median(starter.cpu), Bench.median(plain.cpu), addedCpu));
        verdict("5. startup, main thread CPU time of the first refresh", pairedMainCpu,
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; interquartile ranges "
                + "%s and %s): the work the refresh itself does, without the JIT compiler's and the machine's other "
                + "threads", Bench.median(starter.mainThreadCpu), Bench.median(plain.mainThreadCpu), JVMS,
                interquartileRange(starter.mainThreadCpu), interquartileRange(plain.mainThreadCpu)));
        double addedMainCpu = Bench.median(pairedMainCpu);
        double addedParse = Bench.median(paired(starter.parseCpu, plain.parseCpu));
        double starterBeans = Bench.median(starter.starterBeansCpu);
        double addedOtherBeans = Bench.median(paired(starter.otherBeansCpu, plain.otherBeansCpu));
        Bench.info("5. startup, where the first refresh's main thread CPU goes (medians of the paired differences)",
            Bench.format("configuration classes and their conditions %+.0f ms; the starter's beans %.0f ms (costliest: "
                + "%s); the other beans %+.0f ms; the rest %+.0f ms", addedParse, starterBeans,
                starter.costliestBeans(5), addedOtherBeans,
                addedMainCpu - addedParse - starterBeans - addedOtherBeans));
        verdict("5. startup, later context refreshes (warm JVM)", pairedLater,
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d refreshes)",
                Bench.median(starter.later), Bench.median(plain.later), starter.later.size()));
        verdict("5. startup with class-data sharing, first context refresh in a fresh JVM",
            paired(starterShared.first, plainShared.first),
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; each side with the "
                + "archive of its own training run)", Bench.median(starterShared.first),
                Bench.median(plainShared.first), JVMS));
        verdict("5. startup with class-data sharing, main thread CPU time of the first refresh",
            paired(starterShared.mainThreadCpu, plainShared.mainThreadCpu),
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each)",
                Bench.median(starterShared.mainThreadCpu), Bench.median(plainShared.mainThreadCpu), JVMS));
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
