package dev.idic.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.idic.stages.publish.PartitionPublisher;
import dev.idic.stages.publish.RunManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the import graph of IDIC's main code keeps: model, stages and batch in layers, stages
 * free of the CLI and of Spring, the generator kept to the demo and the benchmarks, and only the
 * publish step writing the warehouse. Batch's test classpath sees model, stages, synth and batch.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // DoNotIncludeTests knows test folders, not a test-jar resolved from the local
            // repository (idic-stages-*-tests.jar when batch is built alone).
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.idic");
  }

  @Test
  void modelDependsOnNoOtherModule() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.idic.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.idic.stages..", "dev.idic.batch..", "dev.idic.synth..")
            .because(
                "the models are pure Java, used by stages and benchmarks alike; move what needs"
                    + " Spark or the job into stages or batch");
    rule.check(classes);
  }

  @Test
  void stagesDoNotDependOnTheJob() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.idic.stages..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.idic.batch..")
            .because(
                "the job (batch) assembles the stages, not the other way round; pass what a stage"
                    + " needs in through its settings or RunContext");
    rule.check(classes);
  }

  @Test
  void stagesDoNotTouchTheCliOrSpring() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("dev.idic.stages..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("picocli..", "org.springframework..")
            .because(
                "a stage is a Spark transform that any runner can call; the command line and"
                    + " the Spring Batch wiring belong in dev.idic.batch");
    rule.check(classes);
  }

  @Test
  void generatorStaysOutOfProductionCode() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackages("dev.idic.synth..", "dev.idic.bench..")
            .and()
            .doNotHaveFullyQualifiedName("dev.idic.batch.cli.DemoCommand")
            .and()
            .doNotHaveFullyQualifiedName("dev.idic.batch.cli.DemoData")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.idic.synth..")
            .because(
                "the spark-submit jar leaves the synthetic data generator out, so only the demo"
                    + " (through DemoData) and the benchmarks may use it; tests may too");
    rule.check(classes);
  }

  @Test
  void onlyPublishWritesTheWarehouse() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.idic.stages.publish..")
            .should()
            .accessClassesThat()
            .belongToAnyOf(PartitionPublisher.class)
            .because(
                "the publish step alone moves staged tables into the warehouse, so a partition"
                    + " appears complete or not at all; write to the staging folder"
                    + " (RunPaths.staged) and let PublishStage publish it");
    rule.check(classes);
  }

  @Test
  void onlyPublishAndTheManifestListenerWriteTheRunManifest() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.idic.stages.publish..")
            .and()
            .doNotHaveFullyQualifiedName("dev.idic.batch.job.RunManifestListener")
            .should()
            .callMethod(
                RunManifest.class, "writeTo", org.apache.hadoop.fs.FileSystem.class, String.class)
            .because(
                "the run manifest is part of what publish writes to the warehouse; the job's"
                    + " RunManifestListener is the one writer outside publish until the manifest"
                    + " moves into the publish step (issue 11)");
    rule.check(classes);
  }
}
