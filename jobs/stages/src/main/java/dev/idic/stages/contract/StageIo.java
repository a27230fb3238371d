package dev.idic.stages.contract;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one stage reads and writes, declared in {@link Dataflow}. The job runs a stage after every
 * stage that writes what it reads, and {@link StagedTables} refuses a read or write the declaration
 * does not name, so the declaration cannot drift from the code.
 *
 * @param stage the step name
 * @param reads staged tables the stage cannot run without
 * @param optionalReads staged tables it uses when an earlier stage produced them
 * @param writes tables it stages for later stages
 * @param publishes tables it puts into the warehouse (only the publish stage)
 */
public record StageIo(
    String stage,
    List<Table> reads,
    List<Table> optionalReads,
    List<Table> writes,
    List<Table> publishes) {

  public StageIo {
    reads = List.copyOf(reads);
    optionalReads = List.copyOf(optionalReads);
    writes = List.copyOf(writes);
    publishes = List.copyOf(publishes);
  }

  /** A stage that reads and writes nothing yet; add to it with the methods below. */
  public static StageIo of(String stage) {
    return new StageIo(stage, List.of(), List.of(), List.of(), List.of());
  }

  public StageIo reads(Table... tables) {
    return new StageIo(stage, List.of(tables), optionalReads, writes, publishes);
  }

  public StageIo readsIfStaged(Table... tables) {
    return new StageIo(stage, reads, List.of(tables), writes, publishes);
  }

  public StageIo writes(Table... tables) {
    return new StageIo(stage, reads, optionalReads, List.of(tables), publishes);
  }

  public StageIo publishes(List<Table> tables) {
    return new StageIo(stage, reads, optionalReads, writes, tables);
  }

  /** Required and optional reads. */
  public List<Table> allReads() {
    return Stream.concat(reads.stream(), optionalReads.stream()).toList();
  }
}
