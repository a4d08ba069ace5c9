package io.closeloop.kernel.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Per-user token buckets (Bucket4j) for chat requests and LLM tokens, kept in PostgreSQL
 * ({@code rate_limit_bucket}, Bucket4j's PostgreSQL proxy manager: the row is locked with
 * {@code SELECT ... FOR UPDATE} while a bucket is read and written back), so every replica draws
 * on the same budget: behind N replicas a user still gets the configured limit, not N times it.
 * One short transaction of its own per check, outside the caller's (a refused request rolls back,
 * the consumption does not), on the {@code ratelimit} datasource: never enlisted in JTA, and its
 * commits do not wait for the WAL flush ({@code synchronous_commit = off} per connection). That
 * takes an fsync (1-5 ms on a busy disk) off every rate-limited request and LLM call; a PostgreSQL
 * crash may lose the last few hundred milliseconds of consumption, which only hands out that much
 * budget again, and never leaves a bucket half-written. Clocks: each replica's wall clock (keep
 * replicas on NTP).
 */
@ApplicationScoped
public class UserRateLimiter {

    /**
     * The datasource of the spend ledger (these buckets, and the LLM call log that shares it): outside
     * JTA, commits that do not wait for the WAL flush. Configured in {@code application.properties}.
     */
    public static final String DATASOURCE = "ratelimit";

    public static final String CHAT = "chat";
    public static final String LLM = "llm-spend";

    private final RateLimitConfig config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    @Inject
    public UserRateLimiter(RateLimitConfig config, @io.quarkus.agroal.DataSource(DATASOURCE) DataSource dataSource) {
        this.config = config;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a bucket that has refilled completely is as good as none: its row may go
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one chat request from the user's bucket or throws a 429 with the wait. */
    public void acquireChat(String user) {
        ConsumptionProbe probe = outsideTransaction(() -> chat(user).tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw new RateLimitedException(CHAT, seconds(probe.getNanosToWaitForRefill()));
        }
    }

    /** Before an LLM call: throws a 429 when the user's token budget is spent (it may run into debt by one call). */
    public void checkLlmBudget(String user) {
        long wait = outsideTransaction(() -> {
            BucketProxy bucket = llm(user);
            return bucket.getAvailableTokens() > 0 ? 0L : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        });
        if (wait > 0) {
            throw new RateLimitedException(LLM, seconds(wait));
        }
    }

    /** After an LLM call: charges the tokens it used, whatever the balance. */
    @WithSpan("closeloop.ratelimit.llm-charge")
    public void chargeLlm(String user, long tokens) {
        if (tokens > 0) {
            outsideTransaction(() -> {
                llm(user).consumeIgnoringRateLimits(tokens);
                return null;
            });
        }
    }

    /** Drops rows of buckets that have refilled completely (they would start full anyway). */
    @Scheduled(every = "${closeloop.rate-limit.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        outsideTransaction(() -> {
            while (buckets.removeExpired(1000) == 1000) {
                // next batch
            }
            return null;
        });
    }

    private BucketProxy chat(String user) {
        // chat refills the whole bucket at the end of each period (a fixed window per user)
        long capacity = config.chat().capacity();
        Duration period = config.chat().period();
        return bucket(CHAT, user, capacity, period,
                Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build());
    }

    private BucketProxy llm(String user) {
        // LLM tokens refill smoothly
        long capacity = config.llmTokens();
        Duration period = config.llmPeriod();
        return bucket(LLM, user, capacity, period, Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build());
    }

    /** The key carries the limit's settings, so a changed limit starts fresh buckets instead of reading old state. */
    private BucketProxy bucket(String limit, String user, long capacity, Duration period, Bandwidth bandwidth) {
        String key = limit + ":" + capacity + "/" + period.toSeconds() + "s:" + user;
        return buckets.builder().build(key, () -> BucketConfiguration.builder().addLimit(bandwidth).build());
    }

    /**
     * Bucket4j commits on its own connection; never inside (or enlisted in) the caller's JTA transaction
     * (the {@code ratelimit} datasource is never enlisted; a JTA datasource handed in, as tests do, would be).
     */
    private static <T> T outsideTransaction(Supplier<T> work) {
        return QuarkusTransaction.suspendingExisting().call(work::get);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
