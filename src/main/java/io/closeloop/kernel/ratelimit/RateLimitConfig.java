package io.closeloop.kernel.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Per-user limits that keep one user (or one stolen credential) from exhausting the service or the LLM budget. */
@ConfigMapping(prefix = "closeloop.rate-limit")
public interface RateLimitConfig {

    /** Chat messages: a bucket of {@code capacity} refilled at {@code capacity} per {@code period}. */
    Limit chat();

    /** LLM spend in tokens (prompt + completion) per user. */
    @WithDefault("200000")
    long llmTokens();

    /** The period over which {@link #llmTokens()} refills. */
    @WithDefault("1h")
    Duration llmPeriod();

    /** One token bucket. */
    interface Limit {
        /** Requests allowed in a burst (and per period). */
        @WithDefault("30")
        long capacity();

        /** The refill period. */
        @WithDefault("1m")
        Duration period();
    }
}
