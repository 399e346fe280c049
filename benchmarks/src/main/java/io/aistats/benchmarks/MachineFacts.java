package io.aistats.benchmarks;

/**
 * Prints the facts of the machine the benchmarks ran on: cores, memory, CPU, JDK and OS.
 */
public final class MachineFacts {

    private MachineFacts() {
    }

    public static void main(String[] args) {
        Bench.printMachineFacts();
    }
}
