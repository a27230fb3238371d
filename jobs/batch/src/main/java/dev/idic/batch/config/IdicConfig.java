package dev.idic.batch.config;

import dev.idic.stages.settings.PipelineSettings;
import java.nio.file.Path;

/**
 * The validated configuration of one idic process.
 *
 * @param source the configuration file it was read from
 * @param workDir local folder of the job repository (H2 default), locks and logs
 * @param spark how to build the SparkSession
 * @param jobRepository where the Spring Batch job repository lives
 * @param pipeline what the stages need
 */
public record IdicConfig(
    Path source,
    Path workDir,
    SparkConfig spark,
    JobRepositoryConfig jobRepository,
    PipelineSettings pipeline) {}
