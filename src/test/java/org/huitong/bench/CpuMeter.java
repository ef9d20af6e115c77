package org.huitong.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Samples CPU time in the background, so that a benchmark can tell how much CPU a period took
 * that it did not start itself, such as a batch between its start and end times.
 *
 * <p>Two figures: this JVM's CPU time, and the busy time of the whole machine from
 * {@code /proc/stat} (user, nice, system, irq, softirq and steal), which also counts other
 * processes such as a PostgreSQL server that serves the rows. Without {@code /proc/stat} the
 * machine figure is missing. With them comes the memory that the JVM's threads allocated, which,
 * unlike time, does not change with the load of a shared machine.
 */
final class CpuMeter implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * One sample: wall time, JVM CPU nanoseconds, machine busy nanoseconds or -1, and the bytes
     * that the JVM's live threads have allocated so far.
     */
    private record Sample(Instant at, long processNanos, long machineNanos, long allocatedBytes) {
    }

    /** CPU used and memory allocated in a period. Machine figures are negative when unknown. */
    record Usage(double seconds, double processSeconds, double machineSeconds, long allocatedBytes) {

        String describe(long records, int processors) {
            String process = String.format(Locale.ROOT, "JVM %.0f µs/record, %.1f KB allocated/record",
                    1e6 * processSeconds / records, allocatedBytes / 1024.0 / records);
            if (machineSeconds < 0) {
                return process + ", machine CPU not available";
            }
            double perRecord = machineSeconds / records;
            return String.format(Locale.ROOT, "%s, machine %.0f µs/record, %.2f of %d cores busy,"
                            + " %,.0f records/s if all %d were busy", process, 1e6 * perRecord,
                    machineSeconds / seconds, processors, processors / perRecord, processors);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long nanosPerTick = nanosPerTick();
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuMeter() {
        sampler = new Thread(this::sampleUntilClosed, "cpu-meter");
        sampler.setDaemon(true);
    }

    /** Starts sampling every 100 ms. */
    static CpuMeter start() {
        CpuMeter meter = new CpuMeter();
        meter.sample();
        meter.sampler.start();
        return meter;
    }

    /** Returns the CPU used between the samples nearest to {@code from} and {@code to}. */
    synchronized Usage between(Instant from, Instant to) {
        Sample first = nearest(from);
        Sample last = nearest(to);
        double seconds = Duration.between(first.at(), last.at()).toNanos() / 1e9;
        double machine = first.machineNanos() < 0 ? -1 : (last.machineNanos() - first.machineNanos()) / 1e9;
        return new Usage(seconds, (last.processNanos() - first.processNanos()) / 1e9, machine,
                last.allocatedBytes() - first.allocatedBytes());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private synchronized void sample() {
        samples.add(new Sample(Instant.now(), os.getProcessCpuTime(), machineBusyNanos(), allocatedBytes()));
    }

    /**
     * Returns the bytes that the live threads have allocated since they started. NOTE: a thread
     * that ends between two samples takes its count with it, so a period's figure can be low.
     * The pipeline, broker and database threads live for the whole run.
     */
    private long allocatedBytes() {
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(allocated, 0);
        }
        return total;
    }

    private Sample nearest(Instant at) {
        Sample best = samples.get(0);
        for (Sample sample : samples) {
            if (Math.abs(sample.at().toEpochMilli() - at.toEpochMilli())
                    < Math.abs(best.at().toEpochMilli() - at.toEpochMilli())) {
                best = sample;
            }
        }
        return best;
    }

    /** Sum of the busy columns of the {@code cpu} line, or -1 without {@code /proc/stat}. */
    private long machineBusyNanos() {
        if (nanosPerTick < 0) {
            return -1;
        }
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int column : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[column]);
            }
            return busy * nanosPerTick;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Returns the length of a /proc/stat tick, or -1 without that file. NOTE: assumes a USER_HZ
     * of 100, which `getconf CLK_TCK` printed on the benchmark machine.
     */
    private static long nanosPerTick() {
        return Files.isReadable(PROC_STAT) ? 10_000_000L : -1;
    }
}
