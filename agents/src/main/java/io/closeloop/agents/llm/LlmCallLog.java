package io.closeloop.agents.llm;

import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger of LLM calls. Before a call, {@link #admit} refuses it with a 429
 * ({@code RateLimitedException}, Retry-After) when the rep's token budget
 * ({@code closeloop.rate-limit.llm-tokens} per {@code llm-period}) is spent; after it, {@link #record}
 * writes the {@code llm_call} row in its own transaction (so a failed answer still leaves its calls on
 * record) and charges the rep the tokens the provider reported, in and out. A call that answered
 * nothing usable (malformed output, a later retry) still costs what the provider billed.
 */
@ApplicationScoped
public class LlmCallLog {

    private final UserRateLimiter limits;

    public LlmCallLog(UserRateLimiter limits) {
        this.limits = limits;
    }

    /** Throws {@code RateLimitedException} when the rep of this answer has spent their LLM token budget. */
    public void admit(CallContext context) {
        if (context.repId() != null) {
            limits.checkLlmBudget(budgetKey(context.repId()));
        }
    }

    public void record(LlmCall call) {
        QuarkusTransaction.requiringNew().run(call::persist);
        if (call.repId != null) {
            limits.chargeLlm(budgetKey(call.repId), (long) (call.tokensIn == null ? 0 : call.tokensIn) + (call.tokensOut == null ? 0 : call.tokensOut));
        }
    }

    /** The LLM budget is per rep (by id: a renamed rep keeps their spend). */
    static String budgetKey(long repId) {
        return "rep:" + repId;
    }
}
