package io.closeloop.kernel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.crm.CrmFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two limiter instances over the same database stand for two replicas: they draw on one budget
 * per user (not one each), also when they race, and the LLM spend charged through one is refused
 * through the other.
 */
@QuarkusTest
class SharedRateLimitTest {

    @Inject
    RateLimitConfig config;
    @Inject
    DataSource dataSource;

    @Test
    void twoReplicasShareOneChatBudgetEvenWhenRacing() throws Exception {
        UserRateLimiter replicaA = new UserRateLimiter(config, dataSource);
        UserRateLimiter replicaB = new UserRateLimiter(config, dataSource);
        String user = CrmFixtures.unique("shared");
        long capacity = config.chat().capacity();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (long i = 0; i < capacity + 20; i++) {
                UserRateLimiter replica = i % 2 == 0 ? replicaA : replicaB;
                calls.add(() -> {
                    try {
                        replica.acquireChat(user);
                        return true;
                    } catch (RateLimitedException e) {
                        assertThat(e.retryAfterSeconds()).isBetween(1L, config.chat().period().toSeconds());
                        return false;
                    }
                });
            }
            long served = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                served += f.get() ? 1 : 0;
            }
            assertThat(served).isEqualTo(capacity);
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> replicaA.acquireChat(user)).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> replicaB.acquireChat(user)).isInstanceOf(RateLimitedException.class);
        replicaB.acquireChat(CrmFixtures.unique("someone-else"));
    }

    @Test
    void llmSpendChargedOnOneReplicaIsRefusedOnTheOther() {
        UserRateLimiter replicaA = new UserRateLimiter(config, dataSource);
        UserRateLimiter replicaB = new UserRateLimiter(config, dataSource);
        String user = CrmFixtures.unique("spender");
        replicaB.checkLlmBudget(user);
        replicaA.chargeLlm(user, config.llmTokens() + 10);
        assertThatThrownBy(() -> replicaB.checkLlmBudget(user))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
    }

    @Test
    void aCheckInsideACallersTransactionCommitsOnItsOwn() {
        UserRateLimiter limiter = new UserRateLimiter(config, dataSource);
        String user = CrmFixtures.unique("rolled-back");
        long capacity = config.chat().capacity();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (long i = 0; i < capacity; i++) {
                    limiter.acquireChat(user);
                }
                throw new IllegalStateException("the request fails after taking its tokens");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction rolled back
        }
        assertThatThrownBy(() -> limiter.acquireChat(user)).isInstanceOf(RateLimitedException.class);
    }
}
