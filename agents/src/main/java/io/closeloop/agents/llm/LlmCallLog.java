package io.closeloop.agents.llm;

import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger of LLM calls. Before a call, {@link #admit} refuses it with a 429
 * ({@code RateLimitedException}, Retry-After) when the rep's token budget
 * ({@code closeloop.rate-limit.llm-tokens} per {@code llm-period}) is spent; after it, {@link #record}
 * writes the {@code llm_call} row in its own transaction (so a failed answer still leaves its calls on
 * record) and charges the rep the tokens the provider reported, in and out. A call that answered
 * nothing usable (malformed output, a later retry) still costs what the provider billed.
 * The row's transaction commits without waiting for the WAL flush ({@code SET LOCAL
 * synchronous_commit = off}): the rep's answer does not wait for an fsync (1-5 ms on a busy disk)
 * to log a call that has already happened. A PostgreSQL crash in the next few hundred milliseconds
 * may lose the newest rows (never half-write one); the budget, charged on its own datasource, is
 * just as durable (see {@code UserRateLimiter}).
 */
@ApplicationScoped
public class LlmCallLog {

    private final UserRateLimiter limits;

    public LlmCallLog(UserRateLimiter limits) {
        this.limits = limits;
    }

    /** Throws {@code RateLimitedException} when the rep of this answer has spent their LLM token budget. */
    @WithSpan("closeloop.agents.llm.budget-check")
    public void admit(CallContext context) {
        if (context.repId() != null) {
            limits.checkLlmBudget(budgetKey(context.repId()));
        }
    }

    @WithSpan("closeloop.agents.llm.record")
    public void record(LlmCall call) {
        QuarkusTransaction.requiringNew().run(() -> {
            LlmCall.getEntityManager().createNativeQuery("set local synchronous_commit to off").executeUpdate();
            call.persist();
        });
        if (call.repId != null) {
            limits.chargeLlm(budgetKey(call.repId), (long) (call.tokensIn == null ? 0 : call.tokensIn) + (call.tokensOut == null ? 0 : call.tokensOut));
        }
    }

    /** The LLM budget is per rep (by id: a renamed rep keeps their spend). */
    static String budgetKey(long repId) {
        return "rep:" + repId;
    }
}
