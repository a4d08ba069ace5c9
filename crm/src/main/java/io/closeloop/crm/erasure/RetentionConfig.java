package io.closeloop.crm.erasure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How long interactions are kept; older ones are purged by {@link RetentionJob}. */
@ConfigMapping(prefix = "closeloop.retention")
public interface RetentionConfig {

    /** Interactions older than this are purged with their chunks and embeddings; unset keeps them forever. */
    Optional<Duration> interactions();

    /** How often the purge runs (a Quarkus scheduler interval, e.g. {@code 6h}). */
    @WithDefault("6h")
    String every();
}
