package io.closeloop.router.policy;

import io.closeloop.agents.llm.LlmInvoker;
import io.closeloop.agents.llm.LlmProviders;
import io.closeloop.router.config.RouterConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * May the router use the LLM now? No when no provider is configured, when the shared circuit
 * breaker of {@link LlmInvoker} is open, or when today's (UTC) LLM spending in {@code llm_call}
 * has reached the configured daily budget.
 */
@ApplicationScoped
public class LlmAvailability {

    private final LlmProviders providers;
    private final CircuitBreakerMaintenance circuits;
    private final EntityManager entityManager;
    private final RouterConfig config;

    public LlmAvailability(LlmProviders providers, CircuitBreakerMaintenance circuits, EntityManager entityManager,
            RouterConfig config) {
        this.providers = providers;
        this.circuits = circuits;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public LlmStatus status() {
        if (!providers.anyConfigured()) {
            return LlmStatus.NOT_CONFIGURED;
        }
        if (circuits.currentState(LlmInvoker.CIRCUIT) == CircuitBreakerState.OPEN) {
            return LlmStatus.CIRCUIT_OPEN;
        }
        Optional<BigDecimal> budget = config.budget().daily();
        if (budget.isPresent() && spentToday().compareTo(budget.get()) >= 0) {
            return LlmStatus.BUDGET_SPENT;
        }
        return LlmStatus.AVAILABLE;
    }

    /** What the LLM calls of the current UTC day cost so far. */
    @Transactional
    public BigDecimal spentToday() {
        Object sum = entityManager.createNativeQuery("""
                select coalesce(sum(cost), 0) from llm_call
                where created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'""").getSingleResult();
        return sum instanceof BigDecimal b ? b : new BigDecimal(sum.toString());
    }
}
