package dev.idic.bench.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything measured for one data size.
 *
 * @param size the requested size (transactions; the generator yields about that many)
 * @param transactions transaction rows in the input
 * @param customers customers in the input
 * @param interactions interaction rows in the input
 * @param stages per-step figures in step order
 * @param job the nightly job from the start of its first step to the end of its last
 * @param process the whole {@code idic run} process: JVM and Spark start-up, job, shutdown
 * @param work Spark jobs, staged writes and scans per step, from the run's event log
 * @param duckDbSeconds wall time of the DuckDB RFM-only query on the same files
 * @param loadBefore load averages (1 / 5 / 15 minutes) when the run started
 * @param loadAfter load averages when the DuckDB query ended
 */
record SizeResult(
    long size,
    long transactions,
    long customers,
    long interactions,
    List<StageFigures> stages,
    StageFigures job,
    StageFigures process,
    SparkWork work,
    double duckDbSeconds,
    String loadBefore,
    String loadAfter) {

  /** The rows of the results table: each step, then the job and the whole process. */
  List<StageFigures> rows() {
    List<StageFigures> rows = new ArrayList<>(stages);
    rows.add(job);
    rows.add(process);
    return rows;
  }

  /** Our full nightly run (whole process) over DuckDB's RFM-only query. */
  double ratioToDuckDb() {
    return process.wallSeconds() / duckDbSeconds;
  }
}
