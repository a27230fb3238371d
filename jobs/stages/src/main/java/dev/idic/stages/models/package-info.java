/**
 * The models stage: {@link dev.idic.stages.models.ModelInputs} compresses {@code customer_features}
 * in Spark, {@link dev.idic.stages.models.FittedModels} fits on the driver, {@link
 * dev.idic.stages.models.CustomerScoring} scores on the executors, {@link
 * dev.idic.stages.models.ModelFitTable} builds {@code model_fit}, and {@link
 * dev.idic.stages.models.ModelsStage} does the reading and writing.
 */
package dev.idic.stages.models;
