package dev.idic.batch.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar manifest (Implementation-Version), "development" when run from classes.
 */
final class IdicVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = IdicCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "idic " + (version == null ? "development build" : version),
      "Java " + System.getProperty("java.version")
    };
  }
}
