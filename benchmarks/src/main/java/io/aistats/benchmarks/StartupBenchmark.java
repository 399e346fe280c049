package io.aistats.benchmarks;

import io.aistats.benchmarks.startup.StartupApplication;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Benchmark 5, startup cost: {@code SpringApplication.run} of the same Spring MVC application
 * ({@link StartupApplication}) with the starter on the class path and without it (the same class path less the
 * starter's jars), in fresh JVMs that alternate. Each JVM refreshes the context {@value #REFRESHES} times: the first
 * refresh is what an application pays when it starts, the later ones show the cost once classes are loaded and
 * compiled. Target: under 30 ms added to the median first refresh.
 */
public final class StartupBenchmark {

    private static final long TARGET_MILLIS = 30;

    private static final int JVMS = 20;

    private static final int REFRESHES = 4;

    private StartupBenchmark() {
    }

    public static void main(String[] args) {
        String with = System.getProperty("java.class.path");
        String without = Arrays.stream(with.split(File.pathSeparator))
            .filter((entry) -> !entry.contains("ai-stats-spring-boot-"))
            .collect(Collectors.joining(File.pathSeparator));
        Variant starter = new Variant("with the starter", with);
        Variant plain = new Variant("without", without);
        // one unmeasured run each, so that the disk cache holds every jar
        starter.run(false);
        plain.run(false);
        for (int i = 0; i < JVMS; i++) {
            if (i % 2 == 0) {
                starter.run(true);
                plain.run(true);
            }
            else {
                plain.run(true);
                starter.run(true);
            }
        }
        if (starter.starterBeans == 0 || plain.starterBeans != 0) {
            throw new IllegalStateException("The variants are not what they claim: " + starter.starterBeans + " and "
                + plain.starterBeans + " ai-stats beans");
        }
        double addedFirst = Bench.median(starter.first) - Bench.median(plain.first);
        double addedLater = Bench.median(starter.later) - Bench.median(plain.later);
        double addedCpu = Bench.median(starter.cpu) - Bench.median(plain.cpu);
        // the JVMs ran in pairs, one of each next to the other: the pairs' differences cancel the machine's drift
        List<Double> pairedFirst = new ArrayList<>();
        for (int i = 0; i < JVMS; i++) {
            pairedFirst.add(starter.first.get(i) - plain.first.get(i));
        }
        System.out.println(Bench.format("with the starter: %d beans (%d of the starter), without: %d beans",
            starter.beans, starter.starterBeans, plain.beans));
        Bench.result("5. startup, first context refresh in a fresh JVM",
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; interquartile ranges "
                + "%s and %s; median of the %d paired differences %+.0f ms; JVM uptime after it %.0f vs %.0f ms; "
                + "process CPU %.0f vs %.0f ms, %+.0f ms)", Bench.median(starter.first), Bench.median(plain.first),
                JVMS, interquartileRange(starter.first), interquartileRange(plain.first), JVMS,
                Bench.median(pairedFirst), Bench.median(starter.uptime), Bench.median(plain.uptime),
                Bench.median(starter.cpu), Bench.median(plain.cpu), addedCpu),
            Bench.format("+%.0f ms", addedFirst), "< +" + TARGET_MILLIS + " ms", addedFirst < TARGET_MILLIS);
        double addedMainCpu = Bench.median(starter.mainThreadCpu) - Bench.median(plain.mainThreadCpu);
        Bench.result("5. startup, main thread CPU time of the first refresh",
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d JVMs each; interquartile ranges "
                + "%s and %s): the work the refresh itself does, without the JIT compiler's and the machine's other "
                + "threads", Bench.median(starter.mainThreadCpu), Bench.median(plain.mainThreadCpu), JVMS,
                interquartileRange(starter.mainThreadCpu), interquartileRange(plain.mainThreadCpu)),
            Bench.format("+%.0f ms", addedMainCpu), "< +" + TARGET_MILLIS + " ms", addedMainCpu < TARGET_MILLIS);
        double addedParse = Bench.median(starter.parseCpu) - Bench.median(plain.parseCpu);
        double starterBeans = Bench.median(starter.starterBeansCpu);
        double addedOtherBeans = Bench.median(starter.otherBeansCpu) - Bench.median(plain.otherBeansCpu);
        Bench.info("5. startup, where the first refresh's main thread CPU goes (medians, with vs without)",
            Bench.format("configuration classes and their conditions %.0f vs %.0f ms (%+.0f ms); the starter's beans "
                + "%.0f ms; the other beans %.0f vs %.0f ms (%+.0f ms); the rest %+.0f ms",
                Bench.median(starter.parseCpu), Bench.median(plain.parseCpu), addedParse, starterBeans,
                Bench.median(starter.otherBeansCpu), Bench.median(plain.otherBeansCpu), addedOtherBeans,
                addedMainCpu - addedParse - starterBeans - addedOtherBeans));
        Bench.result("5. startup, later context refreshes (warm JVM)",
            Bench.format("%.0f ms with the starter vs %.0f ms without (medians of %d refreshes)",
                Bench.median(starter.later), Bench.median(plain.later), starter.later.size()),
            Bench.format("+%.0f ms", addedLater), "< +" + TARGET_MILLIS + " ms", addedLater < TARGET_MILLIS);
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

        private final List<Double> mainThreadCpu = new ArrayList<>();

        private final List<Double> parseCpu = new ArrayList<>();

        private final List<Double> starterBeansCpu = new ArrayList<>();

        private final List<Double> otherBeansCpu = new ArrayList<>();

        private long beans;

        private long starterBeans;

        Variant(String name, String classPath) {
            this.name = name;
            this.classPath = classPath;
        }

        void run(boolean measured) {
            String output = Bench.run(Bench.javaCommand(this.classPath, List.of("-Xmx256m"),
                StartupApplication.class, String.valueOf(REFRESHES)), 120);
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
            for (int i = 3; i < times.length; i++) {
                this.later.add(Double.parseDouble(times[i]));
            }
            System.out.println(Bench.format("%s: first refresh %s ms (main thread CPU %.0f ms, process CPU so far %s ms), "
                + "later %s ms", this.name, times[0], this.mainThreadCpu.get(this.mainThreadCpu.size() - 1), times[2],
                String.join(", ", Arrays.copyOfRange(times, 3, times.length))));
        }
    }
}
