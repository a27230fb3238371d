package dev.idic.stages.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A published table as the warehouse catalogue sees it: its complete nights, oldest first.
 *
 * @param name the table's folder name in the warehouse, also the name of its view
 * @param nights the as-of dates whose partition carries its {@code _SUCCESS} marker
 */
public record CatalogedTable(String name, List<LocalDate> nights) {

  public CatalogedTable {
    nights = List.copyOf(nights);
  }

  /** The newest complete night, which the {@code <name>_latest} view reads. */
  public Optional<LocalDate> latest() {
    return nights.isEmpty() ? Optional.empty() : Optional.of(nights.get(nights.size() - 1));
  }

  /** The view over every night; only a table with a complete night has views. */
  public String allNightsView() {
    return name;
  }

  /** The view over the newest complete night. */
  public String latestView() {
    return name + WarehouseCatalog.LATEST_SUFFIX;
  }
}
