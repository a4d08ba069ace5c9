package io.closeloop.actions.reliability;

import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}
 * before failsafe runs) as a child process of the test: its own HTTP port, the test database
 * ({@code CLOSELOOP_TEST_DB_URL}), the broker and SMTP server the test names, short execution
 * leases and polls so recovery happens within seconds. Output goes to
 * {@code target/reliability/<name>.log}. {@link #kill()} is {@code kill -9}.
 */
final class ReliabilityService implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Every child still running, so a failed or timed-out test never leaves one behind. */
    private static final List<Process> STARTED = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ReliabilityService::killAll, "reliability-services-kill"));
    }

    final String name;
    final int httpPort;
    final Path log;
    private final Process process;

    private ReliabilityService(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the service and waits until {@code /q/health/ready} answers 200. */
    static ReliabilityService start(String name, Map<String, String> env) throws Exception {
        return start(name, env, Map.of());
    }

    static ReliabilityService start(String name, Map<String, String> env, Map<String, String> properties) throws Exception {
        return start(name, env, properties, true);
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} answers 200 ({@code ready}), or
     * only until its HTTP port answers at all (not ready: the broker is unreachable at start).
     */
    static ReliabilityService start(String name, Map<String, String> env, Map<String, String> properties, boolean ready)
            throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw package (or verify) first");
        }
        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("closeloop.actions.execution.poll-interval", "200ms");
        props.put("closeloop.actions.execution.lease", "PT3S");
        props.put("closeloop.actions.execution.backoff", "PT1S");
        props.put("closeloop.outbox.poll-interval", "1s");
        props.put("rabbitmq-reconnect-interval", "1");
        props.put("mp.messaging.outgoing.closeloop-events.network-recovery-interval", "500");
        props.put("mp.messaging.incoming.actions-signals.network-recovery-interval", "500");
        props.putAll(properties);
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        props.forEach((k, v) -> line.add("-D" + k + "=" + v));
        line.addAll(List.of("-jar", JAR.toString()));
        Path log = Path.of("target", "reliability", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(ReliabilityDb.serviceEnv());
        builder.environment().put("CLOSELOOP_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CLOSELOOP_DEMO", "false");
        builder.environment().putAll(env);
        Process process = builder.start();
        STARTED.add(process);
        ReliabilityService service = new ReliabilityService(name, port, log, process);
        service.awaitReady(Duration.ofSeconds(240), ready);
        return service;
    }

    private void awaitReady(Duration timeout, boolean ready) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                int status = HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || !ready) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail());
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    boolean ready() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful close of transactions or connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived kill -9");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines of the service's output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (graceful shutdown), SIGKILL after 30 s or when interrupted. */
    @Override
    public void close() throws InterruptedException {
        try {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            STARTED.remove(process);
        }
    }

    /** Kills every child still running (called after each test and at JVM exit). */
    static void killAll() {
        synchronized (STARTED) {
            STARTED.forEach(Process::destroyForcibly);
            STARTED.clear();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
