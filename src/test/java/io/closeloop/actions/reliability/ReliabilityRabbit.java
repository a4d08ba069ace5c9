package io.closeloop.actions.reliability;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private RabbitMQ node for the multi-process reliability tests, so that stopping "the broker"
 * never touches the shared one other tests and engineers use: its own node name, AMQP and
 * distribution ports (free ones), data and log directories and Erlang cookie (HOME) under a
 * temporary directory, no plugins. Started once per test JVM and stopped with
 * {@code rabbitmqctl stop} when the JVM exits. Needs the RabbitMQ server installed
 * ({@code deploy/local/infra.sh} installs it); set {@code CLOSELOOP_RABBITMQ_SBIN} when its
 * scripts are not in {@code /usr/lib/rabbitmq/bin}.
 */
final class ReliabilityRabbit {

    private static ReliabilityRabbit shared;

    final String node;
    final int port;
    private final Path base;
    private final Path sbin;

    private ReliabilityRabbit() throws Exception {
        base = Files.createTempDirectory("closeloop-it-rabbit");
        Files.createDirectories(base.resolve("home"));
        Files.writeString(base.resolve("enabled_plugins"), "[].");
        String sbinDir = System.getenv().getOrDefault("CLOSELOOP_RABBITMQ_SBIN", "/usr/lib/rabbitmq/bin");
        sbin = Path.of(sbinDir);
        if (!Files.isExecutable(sbin.resolve("rabbitmq-server"))) {
            throw new IllegalStateException("rabbitmq-server not found in " + sbin
                    + ": install RabbitMQ (deploy/local/infra.sh up) or set CLOSELOOP_RABBITMQ_SBIN");
        }
        node = "closeloop-it-" + ProcessHandle.current().pid() + "@localhost";
        port = ReliabilityService.freePort();
        int dist = ReliabilityService.freePort();
        ProcessBuilder server = command("rabbitmq-server", "-detached");
        server.environment().putAll(Map.of(
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", String.valueOf(port),
                "RABBITMQ_DIST_PORT", String.valueOf(dist),
                "RABBITMQ_MNESIA_BASE", base.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", base.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", base.resolve("enabled_plugins").toString(),
                "RABBITMQ_PID_FILE", base.resolve("pid").toString()));
        run(server, 60);
        try {
            awaitStartup();
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    /** Waits until the node has registered and booted ({@code await_startup} fails while the node is not known yet). */
    private void awaitStartup() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                ctl(90, "await_startup", "--timeout", "60");
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** The node of this test JVM, started on first use. */
    static synchronized ReliabilityRabbit shared() throws Exception {
        if (shared == null) {
            shared = new ReliabilityRabbit();
            ReliabilityRabbit started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "private-rabbitmq-stop"));
        }
        return shared;
    }

    /** The service's environment for this node (default vhost, the guest user, allowed on loopback). */
    Map<String, String> serviceEnv() {
        return Map.of("CLOSELOOP_RABBIT_HOST", "127.0.0.1", "CLOSELOOP_RABBIT_PORT", String.valueOf(port),
                "CLOSELOOP_RABBIT_USER", "guest", "CLOSELOOP_RABBIT_PASSWORD", "guest", "CLOSELOOP_RABBIT_VHOST", "/");
    }

    Connection connect(String name) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/");
        return factory.newConnection(name);
    }

    /** Stops the broker application (listeners closed, connections dropped); the node stays up for {@link #startApp()}. */
    void stopApp() throws Exception {
        ctl(60, "stop_app");
    }

    void startApp() throws Exception {
        ctl(60, "start_app");
        awaitStartup();
    }

    private void stop() {
        try {
            ctl(60, "stop");
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            System.err.println("Could not stop the private RabbitMQ node " + node + " (" + base + "): " + e.getMessage());
        }
    }

    private void ctl(int timeoutSeconds, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("-n", node));
        line.addAll(List.of(args));
        run(command("rabbitmqctl", line.toArray(String[]::new)), timeoutSeconds);
    }

    private ProcessBuilder command(String script, String... args) {
        List<String> line = new ArrayList<>(List.of(sbin.resolve(script).toString()));
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).directory(base.toFile());
        builder.environment().put("HOME", base.resolve("home").toString()); // the node's own Erlang cookie
        return builder;
    }

    private static void run(ProcessBuilder builder, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", builder.command()) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
