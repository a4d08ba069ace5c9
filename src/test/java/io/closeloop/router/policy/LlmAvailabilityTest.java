package io.closeloop.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.agents.llm.LlmInvoker;
import io.closeloop.agents.llm.LlmRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With an LLM configured: the router degrades while the LLM's circuit is open and once today's budget is spent. */
@QuarkusTest
@TestProfile(LlmAvailabilityTest.LlmConfigured.class)
class LlmAvailabilityTest {

    /** A provider that is configured (nothing listens on port 9) and a daily budget of 5. */
    public static class LlmConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("closeloop.agents.llm.base-url", "http://127.0.0.1:9/v1", "closeloop.router.budget.daily", "5");
        }
    }

    @Inject
    LlmAvailability llm;
    @Inject
    LlmInvoker invoker;
    @Inject
    CircuitBreakerMaintenance circuits;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void cleanUp() {
        circuits.reset(LlmInvoker.CIRCUIT);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from llm_call where agent = 'router-test'")
                .executeUpdate());
    }

    private void spent(String cost, String when) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into llm_call (role, agent, model, provider_host, outcome, latency_ms, cost, prompt_sha256, created_at)
                values ('draft-email', 'router-test', 'm', 'h', 'OK', 1, cast(?1 as numeric), repeat('0', 64), now() + cast(?2 as interval))""")
                .setParameter(1, cost).setParameter(2, when).executeUpdate());
    }

    @Test
    void availableWhileTodaysCallsCostLessThanTheBudget() {
        spent("4.99", "0 seconds");
        spent("100", "-2 days"); // an earlier day does not count
        assertThat(llm.status()).isEqualTo(LlmStatus.AVAILABLE);
    }

    @Test
    void budgetSpentOnceTodaysCallsReachTheBudget() {
        spent("3", "0 seconds");
        spent("2", "0 seconds");
        assertThat(llm.status()).isEqualTo(LlmStatus.BUDGET_SPENT);
    }

    @Test
    void circuitOpenAfterRepeatedLlmFailures() {
        assertThat(llm.status()).isEqualTo(LlmStatus.AVAILABLE);
        for (int i = 0; i < 20 && circuits.currentState(LlmInvoker.CIRCUIT) != CircuitBreakerState.OPEN; i++) {
            assertThat(invoker.invoke(LlmRole.DRAFT_EMAIL, () -> {
                throw new IllegalStateException("provider down");
            }).succeeded()).isFalse();
        }
        assertThat(llm.status()).isEqualTo(LlmStatus.CIRCUIT_OPEN);
        circuits.reset(LlmInvoker.CIRCUIT);
        assertThat(llm.status()).isEqualTo(LlmStatus.AVAILABLE);
    }
}
