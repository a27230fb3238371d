package dev.idic.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A real Spark standalone cluster on 127.0.0.1 for integration tests: one Master and {@value
 * #WORKERS} Workers (1 core, 1 GiB each), every one its own JVM, run from the Maven-resolved Spark
 * jars laid out as a {@link SparkHome}. Applications are submitted in client mode through {@code
 * org.apache.spark.deploy.SparkSubmit}, the class the spark-submit script runs, so the app jar is
 * shipped to executors exactly as on a production cluster.
 *
 * <p>Every process is stopped on {@link #close()}, and by a shutdown hook if the test JVM dies
 * first. Logs go to {@code <workDir>/logs} and executor logs to the Workers' work dirs; {@link
 * #diagnostics()} gathers their tails for failure messages.
 *
 * <pre>{@code
 * try (StandaloneSparkCluster cluster = StandaloneSparkCluster.start(workDir)) {
 *   SubmittedApp run = cluster.submit(new SparkApp(jar, mainClass, args), Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Needs the system properties {@code spark.jvm.opens} and {@code idic.spark.classpath.file},
 * which the jobs/dist failsafe configuration passes.
 */
public final class StandaloneSparkCluster implements AutoCloseable {

  public static final int WORKERS = 2;

  private static final String HOST = "127.0.0.1";
  private static final String DAEMON_HEAP = "-Xmx512m";
  private static final String DRIVER_HEAP = "-Xmx1g";
  private static final String WORKER_CORES = "1";
  private static final String WORKER_MEMORY = "1g";

  /**
   * The test cluster's JVMs handle little data on a CPU-starved machine: the C1 compiler alone and
   * the serial collector start them faster and leave the cores to the work.
   */
  private static final List<String> SMALL_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /**
   * The ports were free a moment ago; if another process took one since, fail at once instead of
   * letting Spark move to the next port, where nobody would look for it.
   */
  private static final String NO_PORT_RETRIES = "-Dspark.port.maxRetries=0";

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final int LOG_TAIL_LINES = 80;

  private final Path workDir;
  private final Path logDir;
  private final SparkHome sparkHome;
  private final List<String> jvmOpens;
  private final int masterPort;
  private final int masterWebUiPort;
  private final List<Integer> workerWebUiPorts;
  private final List<ClusterProcess> daemons = new CopyOnWriteArrayList<>();
  private final List<ClusterProcess> drivers = new CopyOnWriteArrayList<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread shutdownHook = new Thread(this::stopAll, "standalone-spark-cluster-stop");
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private Duration startupTime = Duration.ZERO;

  private StandaloneSparkCluster(Path workDir) throws IOException {
    this.workDir = Files.createDirectories(workDir.toAbsolutePath());
    this.logDir = Files.createDirectories(this.workDir.resolve("logs"));
    this.sparkHome = SparkHome.create(this.workDir.resolve("spark-home"));
    this.jvmOpens = jvmOpens();
    List<Integer> ports = freePorts(2 + WORKERS);
    this.masterPort = ports.get(0);
    this.masterWebUiPort = ports.get(1);
    this.workerWebUiPorts = List.copyOf(ports.subList(2, ports.size()));
  }

  /**
   * Starts the Master and the Workers under {@code workDir} and returns once every Worker has
   * registered with the Master. On failure every started process is stopped and the exception
   * carries the logs.
   */
  public static StandaloneSparkCluster start(Path workDir) {
    StandaloneSparkCluster cluster;
    try {
      cluster = new StandaloneSparkCluster(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the cluster's work dir " + workDir, e);
    }
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    Instant begin = Instant.now();
    try {
      cluster.launchMaster();
      cluster.launchWorkers();
      cluster.awaitRegisteredWorkers();
    } catch (RuntimeException | Error e) {
      String logs = cluster.diagnostics();
      cluster.close();
      throw new IllegalStateException(
          "standalone Spark cluster did not start: " + e.getMessage() + "\n" + logs, e);
    }
    cluster.startupTime = Duration.between(begin, Instant.now());
    return cluster;
  }

  /** The URL applications pass as {@code --master}. */
  public String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** Wall time from launching the Master until all Workers had registered. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Runs {@code app} with spark-submit in client mode against this cluster and waits for it. The
   * driver runs in its own JVM (working directory {@code <workDir>/driver-<n>}); executors get 1
   * core and 1 GiB each, and the driver waits until every Worker's executor has registered before
   * scheduling, so the work is spread over the cluster.
   *
   * @throws IllegalStateException if the driver has not exited within {@code limit}; it is killed
   */
  public SubmittedApp submit(SparkApp app, Duration limit) {
    return runDriver(masterUrl(), app, limit);
  }

  /**
   * Runs {@code app} through the same spark-submit and Spark runtime, but in local mode ({@code
   * local[2]}, everything in the driver JVM): the reference a cluster run is compared with.
   *
   * @throws IllegalStateException if the driver has not exited within {@code limit}; it is killed
   */
  public SubmittedApp runInLocalMode(SparkApp app, Duration limit) {
    return runDriver("local[" + WORKERS + "]", app, limit);
  }

  private SubmittedApp runDriver(String master, SparkApp app, Duration limit) {
    int number = submissions.incrementAndGet();
    Path driverDir = createDirectories(workDir.resolve("driver-" + number));
    Path log = logDir.resolve("driver-" + number + ".log");
    Path eventLogDir = createDirectories(driverDir.resolve("event-log"));
    ClusterProcess driver =
        ClusterProcess.launch(
            "driver-" + number,
            submitCommand(master, app, driverDir, eventLogDir),
            environment(),
            driverDir,
            log);
    drivers.add(driver);
    Instant begin = Instant.now();
    try {
      if (!driver.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        driver.stop();
        throw new IllegalStateException(
            "spark-submit of "
                + app.mainClass()
                + " did not finish within "
                + limit
                + "; driver log "
                + log
                + ":\n"
                + SubmittedApp.tail(log, LOG_TAIL_LINES));
      }
    } catch (InterruptedException e) {
      driver.stop();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for spark-submit", e);
    }
    return new SubmittedApp(
        driver.exitValue(), driver.pid(), log, Duration.between(begin, Instant.now()), eventLogDir);
  }

  /** The Master's state as its web UI serves it at {@code /json}. */
  public JsonNode masterState() {
    return fetchJson(masterWebUiPort);
  }

  /** Each Worker's state from its web UI's {@code /json}, including finished executors. */
  public List<JsonNode> workerStates() {
    return workerWebUiPorts.stream().map(this::fetchJson).toList();
  }

  /**
   * For each Worker (by Worker id), how many executors it launched for application {@code appId},
   * running or finished.
   */
  public Map<String, Long> executorsPerWorker(String appId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode worker : workerStates()) {
      long launched =
          Stream.of("executors", "finishedexecutors")
              .flatMap(field -> elements(worker.path(field)))
              .filter(executor -> appId.equals(executor.path("appid").asText()))
              .count();
      counts.put(worker.path("id").asText(), launched);
    }
    return counts;
  }

  /** The tails of every log of the cluster: Master, Workers, executors and drivers. */
  public String diagnostics() {
    StringBuilder report = new StringBuilder();
    for (Path log : logFiles()) {
      report
          .append("\n----- ")
          .append(log)
          .append(" (last ")
          .append(LOG_TAIL_LINES)
          .append(" lines) -----\n")
          .append(SubmittedApp.tail(log, LOG_TAIL_LINES))
          .append('\n');
    }
    return report.toString();
  }

  public void printDiagnostics(PrintStream out) {
    out.println("Standalone Spark cluster logs under " + workDir + ":" + diagnostics());
  }

  /** Stops drivers, Workers (with their executors) and the Master. Safe to call more than once. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run; nothing left to unregister
    }
  }

  private void stopAll() {
    if (stopped.compareAndSet(false, true)) {
      drivers.forEach(ClusterProcess::stop);
      List<ClusterProcess> workersFirst = new ArrayList<>(daemons);
      Collections.reverse(workersFirst);
      workersFirst.forEach(ClusterProcess::stop);
    }
  }

  private void launchMaster() {
    List<String> command =
        javaCommand(
            DAEMON_HEAP,
            List.of("-Dspark.master.rest.enabled=false", NO_PORT_RETRIES),
            "org.apache.spark.deploy.master.Master",
            List.of(
                "--host",
                HOST,
                "--port",
                String.valueOf(masterPort),
                "--webui-port",
                String.valueOf(masterWebUiPort)));
    daemons.add(
        ClusterProcess.launch(
            "master", command, environment(), workDir, logDir.resolve("master.log")));
  }

  private void launchWorkers() {
    for (int i = 0; i < WORKERS; i++) {
      Path workerDir = createDirectories(workDir.resolve("worker-" + i));
      List<String> command =
          javaCommand(
              DAEMON_HEAP,
              List.of(NO_PORT_RETRIES),
              "org.apache.spark.deploy.worker.Worker",
              List.of(
                  "--host",
                  HOST,
                  "--webui-port",
                  String.valueOf(workerWebUiPorts.get(i)),
                  "--cores",
                  WORKER_CORES,
                  "--memory",
                  WORKER_MEMORY,
                  "--work-dir",
                  workerDir.toString(),
                  masterUrl()));
      daemons.add(
          ClusterProcess.launch(
              "worker-" + i,
              command,
              environment(),
              workerDir,
              logDir.resolve("worker-" + i + ".log")));
    }
  }

  private void awaitRegisteredWorkers() {
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    int alive = 0;
    while (Instant.now().isBefore(deadline)) {
      for (ClusterProcess daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new IllegalStateException(
              daemon.name() + " exited with code " + daemon.exitValue() + " during startup");
        }
      }
      alive = aliveWorkersOrZero();
      if (alive >= WORKERS) {
        return;
      }
      pause(POLL_INTERVAL);
    }
    throw new IllegalStateException(
        "only " + alive + " of " + WORKERS + " Workers registered within " + STARTUP_LIMIT);
  }

  private int aliveWorkersOrZero() {
    try {
      return masterState().path("aliveworkers").asInt(0);
    } catch (UncheckedIOException masterNotServingYet) {
      return 0;
    }
  }

  private List<String> submitCommand(
      String master, SparkApp app, Path driverDir, Path eventLogDir) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.driver.host", HOST);
    conf.put("spark.driver.bindAddress", HOST);
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.executor.cores", WORKER_CORES);
    conf.put("spark.executor.memory", WORKER_MEMORY);
    conf.put("spark.cores.max", String.valueOf(WORKERS));
    // SparkContext adds Spark's own opens to the executors' options; the project's list is
    // passed too, so executors run with exactly the flags of every other IDIC Spark JVM.
    conf.put(
        "spark.executor.extraJavaOptions",
        String.join(" ", SMALL_JVM) + " " + String.join(" ", jvmOpens));
    conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
    conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    conf.put("spark.local.dir", driverDir.resolve("spark-local").toString());
    conf.put("spark.sql.shuffle.partitions", "4");
    conf.put("spark.sql.session.timeZone", "UTC");
    // Spark's own record of where every task ran, readable whatever the application reports.
    conf.put("spark.eventLog.enabled", "true");
    conf.put("spark.eventLog.dir", eventLogDir.toUri().toString());
    conf.put("spark.eventLog.compress", "false");
    conf.put("spark.eventLog.rolling.enabled", "false");
    conf.putAll(app.conf());

    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("--master", master, "--deploy-mode", "client", "--class", app.mainClass()));
    conf.forEach((key, value) -> arguments.addAll(List.of("--conf", key + "=" + value)));
    arguments.add(app.jar().toAbsolutePath().toString());
    arguments.addAll(app.args());
    return javaCommand(DRIVER_HEAP, List.of(), "org.apache.spark.deploy.SparkSubmit", arguments);
  }

  private List<String> javaCommand(
      String heap, List<String> systemProperties, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.addAll(SMALL_JVM);
    command.addAll(jvmOpens);
    command.addAll(systemProperties);
    command.add("-cp");
    command.add(sparkHome.classpath());
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  private Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME", sparkHome.dir().toString(),
        "SPARK_SCALA_VERSION", "2.13",
        "SPARK_CONF_DIR", sparkHome.confDir().toString(),
        "SPARK_LOCAL_IP", HOST,
        "SPARK_LOCAL_DIRS", workDir.resolve("spark-local").toString(),
        // Workers launch executors with $JAVA_HOME/bin/java: the JVM running the tests.
        "JAVA_HOME", System.getProperty("java.home"));
  }

  private JsonNode fetchJson(int webUiPort) {
    URI uri = URI.create("http://" + HOST + ":" + webUiPort + "/json/");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new UncheckedIOException(
            new IOException(uri + " answered HTTP " + response.statusCode()));
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + uri, e);
    }
  }

  private List<Path> logFiles() {
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(workDir)) {
      files
          .filter(Files::isRegularFile)
          .filter(file -> isDaemonOrDriverLog(file) || isExecutorLog(file))
          .sorted()
          .forEach(logs::add);
    } catch (IOException | UncheckedIOException e) {
      logs.add(logDir);
    }
    return logs;
  }

  private boolean isDaemonOrDriverLog(Path file) {
    return file.getParent().equals(logDir);
  }

  /** Workers keep each executor's output in {@code <work-dir>/<app-id>/<executor-id>/stderr}. */
  private static boolean isExecutorLog(Path file) {
    String name = file.getFileName().toString();
    return name.equals("stderr") || name.equals("stdout");
  }

  private static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static List<String> jvmOpens() {
    String opens = System.getProperty("spark.jvm.opens");
    if (opens == null || opens.isBlank()) {
      throw new IllegalStateException(
          "system property spark.jvm.opens is not set; run this test through Maven (failsafe"
              + " passes the root pom's spark.jvm.opens)");
    }
    // The test cluster's JVMs pick their own collector (SMALL_JVM); the JVM refuses two.
    return Arrays.stream(opens.trim().split("\\s+"))
        .filter(flag -> !(flag.startsWith("-XX:+Use") && flag.endsWith("GC")))
        .toList();
  }

  /** Ports held open together so no two are the same, then released for the daemons. */
  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).collect(Collectors.toList());
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    }
  }
}
