package dev.idic.batch.testing;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one {@link PostgresServer} per test JVM, stopped when the test run ends.
 * Without PostgreSQL binaries on the machine the tests are skipped, with a banner on stderr that is
 * hard to miss in the build log.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Optional<Path> binaries = PostgresServer.binaries();
    if (binaries.isEmpty()) {
      String message =
          "SKIPPING "
              + context.getDisplayName()
              + ": no PostgreSQL binaries (pg_config --bindir, /usr/lib/postgresql/15/bin)."
              + " The PostgreSQL job repository is NOT tested on this machine.";
      System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100));
      Assumptions.abort(message);
    }
    server(context, binaries.get());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context, PostgresServer.binaries().orElseThrow());
  }

  private static PostgresServer server(ExtensionContext context, Path binaries) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            PostgresServer.class, key -> new Closing(PostgresServer.start(binaries)), Closing.class)
        .server();
  }

  /** Closes the server when JUnit closes the root store, at the end of the test run. */
  private record Closing(PostgresServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
