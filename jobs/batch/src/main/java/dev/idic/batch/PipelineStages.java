package dev.idic.batch;

import org.springframework.context.annotation.Configuration;

/**
 * The stages of the production nightly job. Each {@code @Bean} returning a {@link
 * dev.idic.stages.contract.Stage} becomes the step named by {@code Stage.name()}; steps run in the
 * order of {@link dev.idic.batch.job.NightlyJobConfiguration#STAGE_ORDER}, and a stage without a
 * bean is simply not a step. Example:
 *
 * <pre>{@code
 * @Bean
 * Stage ingest() {
 *   return new IngestStage();
 * }
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class PipelineStages {}
