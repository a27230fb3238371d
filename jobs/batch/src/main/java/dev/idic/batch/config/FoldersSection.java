package dev.idic.batch.config;

import java.nio.file.Path;

/**
 * The top-level {@code work_dir} and {@code warehouse} keys; {@code IDIC_WORK_DIR} and {@code
 * IDIC_WAREHOUSE} override them. Defaults resolve against the current folder.
 */
final class FoldersSection {

  /** Work folder under the current folder. */
  static final String DEFAULT_WORK_DIR = "idic-work";

  /** Warehouse folder under the work folder. */
  static final String DEFAULT_WAREHOUSE_IN_WORK_DIR = "warehouse";

  private final SectionContext context;

  FoldersSection(SectionContext context) {
    this.context = context;
  }

  Path workDir(RawConfig raw) {
    return Path.of(
        context.resolved(
            "work_dir",
            raw.workDir(),
            context.currentDirectory().resolve(DEFAULT_WORK_DIR).toString()));
  }

  String warehouse(RawConfig raw, Path workDir) {
    return context.resolved(
        "warehouse", raw.warehouse(), workDir.resolve(DEFAULT_WAREHOUSE_IN_WORK_DIR).toString());
  }
}
