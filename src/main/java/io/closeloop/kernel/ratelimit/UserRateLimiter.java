package io.closeloop.kernel.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-user token buckets (Bucket4j) for chat requests and LLM tokens. Buckets live in this replica's
 * memory: with N replicas behind a round-robin balancer a user gets at most N times the limit.
 */
@ApplicationScoped
public class UserRateLimiter {

    public static final String CHAT = "chat";
    public static final String LLM = "llm-spend";

    private final RateLimitConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public UserRateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** Takes one chat request from the user's bucket or throws a 429 with the wait. */
    public void acquireChat(String user) {
        ConsumptionProbe probe = bucket(CHAT, user, config.chat().capacity(), config.chat().period(), true).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(CHAT, seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** Before an LLM call: throws a 429 when the user's token budget is spent (it may run into debt by one call). */
    public void checkLlmBudget(String user) {
        Bucket bucket = llm(user);
        if (bucket.getAvailableTokens() <= 0) {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw new RateLimitedException(LLM, seconds(nanos));
        }
    }

    /** After an LLM call: charges the tokens it used, whatever the balance. */
    public void chargeLlm(String user, long tokens) {
        if (tokens > 0) {
            llm(user).consumeIgnoringRateLimits(tokens);
        }
    }

    private Bucket llm(String user) {
        return bucket(LLM, user, config.llmTokens(), config.llmPeriod(), false);
    }

    /** Chat refills the whole bucket at the end of each period (a fixed window per user); LLM tokens refill smoothly. */
    private Bucket bucket(String limit, String user, long capacity, Duration period, boolean window) {
        return buckets.computeIfAbsent(limit + "\u0000" + user, k -> Bucket.builder()
                .addLimit(window ? Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build()
                        : Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
