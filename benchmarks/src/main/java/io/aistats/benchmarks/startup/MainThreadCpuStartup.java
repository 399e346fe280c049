package io.aistats.benchmarks.startup;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Splits the main thread's CPU time of a context refresh into where it went: parsing the configuration classes
 * (which is where auto-configuration conditions are evaluated), creating the starter's beans, and creating the
 * other beans. CPU time of one thread is steadier than wall time on a busy machine, which lets a few milliseconds
 * be told apart. Steps on other threads and the steps' own bookkeeping are left out. The starter's beans are also
 * kept one by one, to show which of them cost most.
 */
final class MainThreadCpuStartup implements ApplicationStartup {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread main = Thread.currentThread();

    private final Deque<Step> open = new ArrayDeque<>();

    private long parseNanos;

    private long otherBeanNanos;

    private final Map<String, Long> starterBeanNanosByName = new TreeMap<>();

    @Override
    public StartupStep start(String name) {
        Step step = new Step(name);
        if (Thread.currentThread() == this.main) {
            this.open.push(step);
        }
        return step;
    }

    /** @return {@code <parse ms> <starter's beans ms> <other beans ms>} */
    String phases() {
        long starterBeanNanos = 0;
        for (long nanos : this.starterBeanNanosByName.values()) {
            starterBeanNanos += nanos;
        }
        return (this.parseNanos / 1_000_000) + " " + (starterBeanNanos / 1_000_000) + " "
                + (this.otherBeanNanos / 1_000_000);
    }

    /** @return {@code <bean name>=<µs>} for each of the starter's beans, separated by spaces */
    String starterBeans() {
        StringBuilder line = new StringBuilder();
        this.starterBeanNanosByName
            .forEach((name, nanos) -> line.append(name).append('=').append(nanos / 1000).append(' '));
        return line.toString().trim();
    }

    private void ended(Step step, long exclusiveNanos) {
        if (step.name.equals("spring.context.config-classes.parse")) {
            this.parseNanos += exclusiveNanos;
        }
        else if (step.name.equals("spring.beans.instantiate")) {
            if (step.starters) {
                this.starterBeanNanosByName.merge(step.beanName, exclusiveNanos, Long::sum);
            }
            else {
                this.otherBeanNanos += exclusiveNanos;
            }
        }
    }

    /** A step timed by the main thread's CPU clock, less the steps nested in it. */
    private final class Step implements StartupStep {

        private final String name;

        private final long startedNanos = THREADS.getCurrentThreadCpuTime();

        private long nestedNanos;

        private boolean starters;

        private String beanName = "?";

        Step(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return this.name;
        }

        @Override
        public long getId() {
            return 0;
        }

        @Override
        public Long getParentId() {
            return null;
        }

        @Override
        public StartupStep tag(String key, String value) {
            if ("beanName".equals(key) && value != null) {
                this.beanName = value;
            }
            // bean steps are tagged with the bean's name and type; the starter's all name io.aistats or aiStats
            if (value != null && !value.contains("io.aistats.benchmarks.") && (value.contains("io.aistats.")
                    || value.startsWith("aiStats") || value.startsWith("ai-stats"))) {
                this.starters = true;
            }
            return this;
        }

        @Override
        public StartupStep tag(String key, Supplier<String> value) {
            return tag(key, value.get());
        }

        @Override
        public Tags getTags() {
            return Collections::emptyIterator;
        }

        @Override
        public void end() {
            if (Thread.currentThread() != MainThreadCpuStartup.this.main || MainThreadCpuStartup.this.open.peek() != this) {
                return;
            }
            MainThreadCpuStartup.this.open.pop();
            long total = THREADS.getCurrentThreadCpuTime() - this.startedNanos;
            ended(this, total - this.nestedNanos);
            Step parent = MainThreadCpuStartup.this.open.peek();
            if (parent != null) {
                parent.nestedNanos += total;
            }
        }
    }
}
