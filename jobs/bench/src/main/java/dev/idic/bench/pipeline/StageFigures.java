package dev.idic.bench.pipeline;

/**
 * Measured figures of one step, or of the whole run.
 *
 * @param name step name, or {@code total}
 * @param wallSeconds elapsed time
 * @param cpuSeconds process CPU time (user + system, every thread) spent in that time
 * @param peakRssBytes highest resident memory observed in that time
 * @param rowsPerSecond input transaction rows divided by the wall time
 */
record StageFigures(
    String name, double wallSeconds, double cpuSeconds, long peakRssBytes, double rowsPerSecond) {}
