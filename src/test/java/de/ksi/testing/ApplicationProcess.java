// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/koordinierungsstelle-inobhutnahme-*.jar}) running as a
 * separate operating-system process, as in production: started with {@code java -jar}, ready once
 * {@code /actuator/health/readiness} answers UP, killable hard (SIGKILL) or stoppable gracefully
 * (SIGTERM). Its output goes to a log file under {@code target/application-process/}.
 */
public final class ApplicationProcess implements AutoCloseable {

  /**
   * Exit code of a JVM ended by SIGKILL (128 + 9), as {@link Process#exitValue()} reports it on
   * Linux.
   */
  public static final int SIGKILL_EXIT = 137;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Builder settings;
  private final Process process;
  private final int port;
  private final Path log;
  private final Duration startup;

  private ApplicationProcess(
      Builder settings, Process process, int port, Path log, Duration startup) {
    this.settings = settings;
    this.process = process;
    this.port = port;
    this.log = log;
    this.startup = startup;
  }

  /** Settings for a launch; {@link Builder#start()} launches and waits for readiness. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The packaged, executable jar built by {@code mvn package} (never the {@code *.original}). */
  public static Path applicationJar() {
    try (Stream<Path> files = Files.list(Paths.get("target"))) {
      return files
          .filter(
              p -> p.getFileName().toString().matches("koordinierungsstelle-inobhutnahme-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no target/koordinierungsstelle-inobhutnahme-*.jar: run mvn package first"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list target/", e);
    }
  }

  /** A TCP port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** From launching the JVM until readiness answered UP. */
  public Duration startupDuration() {
    return startup;
  }

  public Path logFile() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Resident set size (VmRSS of /proc/&lt;pid&gt;/status) in bytes, or -1 where /proc is not
   * available.
   */
  public long residentSetBytes() {
    Path status = Paths.get("/proc", Long.toString(pid()), "status");
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * HTTP status of {@code /actuator/health/readiness} (200 UP, 503 DOWN), or -1 if nothing answers.
   */
  public int readinessStatus() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(15))
              .GET()
              .build();
      return HTTP.send(request, BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Kills the process hard (SIGKILL: no shutdown hooks, no flush) and waits until it is gone. */
  public int kill() {
    process.destroyForcibly();
    return waitForExit(Duration.ofSeconds(30));
  }

  /**
   * Stops the process gracefully (SIGTERM, Spring's shutdown); kills it if it has not ended in
   * time.
   */
  public int stop() {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    process.destroy();
    try {
      if (process.waitFor(60, TimeUnit.SECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return kill();
  }

  /**
   * Launches the application again with the same settings and port (after {@link #kill()} or {@link
   * #stop()}).
   */
  public ApplicationProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("still running: pid " + pid());
    }
    return settings.port(port).start();
  }

  @Override
  public void close() {
    stop();
  }

  private int waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("pid " + pid() + " did not end within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for pid " + pid(), e);
    }
    return process.exitValue();
  }

  /**
   * What to launch: profile, environment, system properties, heap; the port is free unless given.
   */
  public static final class Builder {
    private final String name;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String maxHeap = "512m";
    private Path jar;
    private Duration readinessTimeout = Duration.ofSeconds(180);
    private int port;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * An environment variable of the process, e.g. {@code KSI_DB_URL}; all others are inherited.
     */
    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** A {@code -Dkey=value} system property, e.g. {@code camunda.bpm.job-execution.enabled}. */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** Spring profiles to activate, e.g. {@code postgres}. */
    public Builder profiles(String profiles) {
      return property("spring.profiles.active", profiles);
    }

    /** The PostgreSQL profile on the given database with the given data key. */
    public Builder postgres(String jdbcUrl, String user, String dataKey) {
      profiles("postgres");
      env("KSI_DB_URL", jdbcUrl);
      env("KSI_DB_USER", user);
      env("KSI_DB_PASSWORD", "");
      return env("KSI_DATA_KEY", dataKey);
    }

    /** Demo users and providers on start ({@code ksi.demo.enabled}). */
    public Builder demoData(boolean enabled) {
      return env("KSI_DEMO_ENABLED", Boolean.toString(enabled));
    }

    /** The JVM's {@code -Xmx}, e.g. {@code 512m}. */
    public Builder maxHeap(String maxHeap) {
      this.maxHeap = maxHeap;
      return this;
    }

    /**
     * Launches {@code java -jar jar} instead of the packaged jar: another packaged application (the
     * benchmark's bare Camunda application) under the same process handling.
     */
    public Builder jar(Path jar) {
      this.jar = jar;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder readinessTimeout(Duration readinessTimeout) {
      this.readinessTimeout = readinessTimeout;
      return this;
    }

    /**
     * Launches {@code java -jar} and returns once readiness is UP; fails with the log's tail
     * otherwise.
     */
    public ApplicationProcess start() {
      int chosen = port > 0 ? port : freePort();
      Path log = logFile(chosen);
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + maxHeap);
      command.add("-Dserver.port=" + chosen);
      properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
      command.add("-jar");
      command.add((jar != null ? jar : applicationJar()).toAbsolutePath().toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("KSI_PORT", Integer.toString(chosen));
      builder.environment().putAll(environment);
      Instant launched = Instant.now();
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot launch " + command, e);
      }
      ApplicationProcess app = new ApplicationProcess(this, process, chosen, log, Duration.ZERO);
      awaitReadiness(app, launched.plus(readinessTimeout));
      return new ApplicationProcess(
          this, process, chosen, log, Duration.between(launched, Instant.now()));
    }

    private Path logFile(int chosen) {
      try {
        Path directory = Files.createDirectories(Paths.get("target", "application-process"));
        return directory.resolve(name + "-" + chosen + "-" + System.currentTimeMillis() + ".log");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void awaitReadiness(ApplicationProcess app, Instant deadline) {
      while (app.readinessStatus() != 200) {
        if (!app.isAlive()) {
          throw new IllegalStateException(
              "application exited with "
                  + app.process.exitValue()
                  + " before it was ready; log "
                  + app.log
                  + ":\n"
                  + tail(app.log));
        }
        if (Instant.now().isAfter(deadline)) {
          app.kill();
          throw new IllegalStateException(
              "application not ready by " + deadline + "; log " + app.log + ":\n" + tail(app.log));
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for readiness", e);
        }
      }
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(log unreadable: " + e.getMessage() + ")";
      }
    }
  }
}
