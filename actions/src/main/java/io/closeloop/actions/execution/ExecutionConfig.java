package io.closeloop.actions.execution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How approved actions are executed: polling, leases, retries with back-off, the sender address. */
@ConfigMapping(prefix = "closeloop.actions.execution")
public interface ExecutionConfig {

    /** How often the executor looks for approved actions and due retries. */
    @WithDefault("1s")
    String pollInterval();

    /** How long an instance holds an action while executing it; after that another instance may recover it. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts before an action stays FAILED for good. */
    @WithDefault("5")
    int maxAttempts();

    /** The first retry delay; each further retry waits twice as long. */
    @WithDefault("PT30S")
    Duration backoff();

    /** The longest retry delay. */
    @WithDefault("PT30M")
    Duration maxBackoff();

    /** The From address of e-mails sent for reps (their address goes in Reply-To). */
    @WithDefault("closeloop@localhost")
    String from();
}
