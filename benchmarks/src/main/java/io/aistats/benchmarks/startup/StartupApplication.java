package io.aistats.benchmarks.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The application of the startup benchmark: a plain Spring MVC application that declares nothing itself, so that
 * whatever the class path brings in is auto-configured. It refers to no class of the starter, so it runs with and
 * without the starter on the class path; the properties that switch the starter's features on are always set.
 * <p>
 * Argument: the number of refreshes. Prints {@code STARTUP <first ms> <uptime after first ms> <process CPU after
 * first ms> <later ms...>} and
 * {@code BEANS <number of beans> <number of ai-stats beans> <number of Spring AI beans>} and
 * {@code MAINCPU <CPU ms of the main thread in the
 * first refresh>} and {@code PHASES <parse ms> <starter's beans ms> <other beans ms>}, the main thread's CPU time
 * of the first refresh split by {@link MainThreadCpuStartup}, and {@code STARTERBEANS <name>=<µs> ...}, that time
 * for each of the starter's beans.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApplication {

    private static final String[] PROPERTIES = { "--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--ai-stats.base-url=http://127.0.0.1:9/v1",
        "--ai-stats.api-key=phaseo_v1_sk_startupkid1_startupBenchmarkSecretValue0",
        "--ai-stats.webhook.secret=whsec_startup_benchmark_secret",
        // Spring AI's OpenAI starter, on the class path of its variant, configured as an application would
        "--spring.ai.openai.base-url=http://127.0.0.1:9", "--spring.ai.openai.api-key=sk-startup-benchmark" };

    public static void main(String[] args) {
        int refreshes = Integer.parseInt(args[0]);
        long[] millis = new long[refreshes];
        long uptimeAfterFirst = 0;
        long cpuAfterFirst = 0;
        long mainThreadCpuFirst = 0;
        MainThreadCpuStartup phases = new MainThreadCpuStartup();
        for (int i = 0; i < refreshes; i++) {
            long started = System.nanoTime();
            long threadCpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SpringApplication application = new SpringApplication(StartupApplication.class);
            if (i == 0) {
                application.setApplicationStartup(phases);
            }
            try (ConfigurableApplicationContext context = application.run(PROPERTIES)) {
                millis[i] = (System.nanoTime() - started) / 1_000_000;
                if (i == 0) {
                    mainThreadCpuFirst = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                            - threadCpuStarted) / 1_000_000;
                }
                if (i == 0) {
                    uptimeAfterFirst = ManagementFactory.getRuntimeMXBean().getUptime();
                    cpuAfterFirst = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
                    String[] names = context.getBeanDefinitionNames();
                    long starterBeans = Arrays.stream(names).filter((name) -> {
                        Class<?> type = context.getType(name);
                        return type != null && type.getName().startsWith("io.aistats.")
                            && !type.getName().startsWith("io.aistats.benchmarks.");
                    }).count();
                    long springAiBeans = Arrays.stream(names).filter((name) -> {
                        Class<?> type = context.getType(name);
                        return type != null && type.getName().startsWith("org.springframework.ai.");
                    }).count();
                    System.out.println("BEANS " + names.length + " " + starterBeans + " " + springAiBeans);
                }
            }
        }
        StringBuilder line = new StringBuilder("STARTUP " + millis[0] + " " + uptimeAfterFirst + " " + cpuAfterFirst);
        for (int i = 1; i < refreshes; i++) {
            line.append(' ').append(millis[i]);
        }
        System.out.println(line);
        System.out.println("MAINCPU " + mainThreadCpuFirst);
        System.out.println("PHASES " + phases.phases());
        System.out.println("STARTERBEANS " + phases.starterBeans());
        System.exit(0);
    }
}
