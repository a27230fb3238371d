package dev.idic.batch.cli;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.IdicException;

/** The error for a folder idic must create or write under {@code work_dir} and cannot. */
final class UnwritableWorkDir {

  private static final String FIX =
      "make work_dir writable or point it elsewhere (work_dir, IDIC_WORK_DIR)";

  private UnwritableWorkDir() {}

  static IdicException error(String where, Exception cause) {
    return IdicErrors.environment(where, "cannot be written: " + cause.getMessage(), FIX, cause);
  }
}
