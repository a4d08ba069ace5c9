package io.closeloop.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local infrastructure script: reuses what is running, and where it cannot install it stops
 * with one message naming what is missing and pointing to deploy/compose.
 */
class InfraScriptTest {

    record Run(int exit, String output) {
    }

    static Run run(List<String> command, String... env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void statusReportsTheRunningInfrastructureTheSuiteUses() throws Exception {
        Run status = run(List.of("deploy/local/infra.sh", "status"));
        assertThat(status.output()).contains("postgresql: running").contains("pgvector:   installed (0.8.0)")
                .contains("rabbitmq:   running");
        assertThat(status.exit()).isZero();
    }

    @Test
    void secondUpInstallsNothing() throws Exception {
        Run up = run(List.of("deploy/local/infra.sh", "up"));
        assertThat(up.exit()).isZero();
        assertThat(up.output()).doesNotContain("installing").doesNotContain("building").contains("ready in");
    }

    @Test
    void withoutRootItNamesWhatIsMissingAndPointsToCompose() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root to run the script as an unprivileged user");
        Path script = Path.of("deploy/local/infra.sh").toAbsolutePath();
        Path policy = Path.of("/usr/sbin/policy-rc.d");
        boolean policyBefore = Files.exists(policy);
        // PostgreSQL 99 does not exist anywhere, so the script must try to install it.
        Run run = run(List.of("/usr/sbin/runuser", "-u", "nobody", "--", "env", "CLOSELOOP_PG_VERSION=99",
                "/bin/bash", script.toString(), "up"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output())
                .contains("Cannot install: not running as root")
                .contains("Missing: postgresql-99")
                .contains("deploy/compose/");
        assertThat(Files.exists(policy)).as("policy-rc.d left as it was").isEqualTo(policyBefore);
    }
}
