package dev.idic.batch.job;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One execution of the nightly job as {@code idic status} shows it.
 *
 * @param executionId Spring Batch job execution id
 * @param asOfDate the as-of date it ran for
 * @param forced whether it was a {@code --force} rerun
 * @param status Spring Batch status (COMPLETED, FAILED, STARTED, ...)
 * @param start when it started, local time of the job repository, null if it never started
 * @param duration how long it ran, empty while running
 * @param rowsIn rows read, from the first step reporting {@code rows_in}
 * @param rowsOut rows written, from the last step reporting {@code rows_out}
 * @param failedStep the step that failed, empty if none
 * @param stepCounts every step's counts, in step order
 */
public record RunSummary(
    long executionId,
    LocalDate asOfDate,
    boolean forced,
    String status,
    LocalDateTime start,
    Optional<Duration> duration,
    Optional<Long> rowsIn,
    Optional<Long> rowsOut,
    Optional<String> failedStep,
    Map<String, Map<String, Long>> stepCounts) {}
