package io.closeloop.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The ledger of LLM calls. Before a call, {@link #admit} refuses it with a 429
 * ({@code RateLimitedException}, Retry-After) when the rep's token budget
 * ({@code closeloop.rate-limit.llm-tokens} per {@code llm-period}) is spent; after it, {@link #record}
 * writes the {@code llm_call} row in its own transaction (so a failed answer still leaves its calls on
 * record) and charges the rep the tokens the provider reported, in and out. A call that answered
 * nothing usable (malformed output, a later retry) still costs what the provider billed.
 * The row is one autocommitted JDBC insert on the spend ledger's datasource ({@code ratelimit}, the
 * one the budget buckets use: outside JTA, commits without waiting for the WAL flush): the rep's
 * answer does not wait for an fsync (1-5 ms on a busy disk) nor for an ORM transaction (begin,
 * flush, commit: ~2 ms wall, 1.2 ms CPU per call in {@code bench/agents.sh}) to log a call that has
 * already happened. A PostgreSQL crash in the next few hundred milliseconds may lose the newest
 * rows (never half-write one); the budget, charged on the same datasource, is just as durable
 * (see {@code UserRateLimiter}).
 */
@ApplicationScoped
public class LlmCallLog {

    private static final String INSERT = "insert into llm_call (role, agent, model, provider_host, outcome, error, tokens_in, tokens_out, "
            + "latency_ms, cost, trace_id, prompt_sha256, tools_offered, redactions, rep_id, account_id, created_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)";

    private final UserRateLimiter limits;
    private final DataSource ledger;
    private final ObjectMapper json;

    public LlmCallLog(UserRateLimiter limits, @io.quarkus.agroal.DataSource(UserRateLimiter.DATASOURCE) DataSource ledger, ObjectMapper json) {
        this.limits = limits;
        this.ledger = ledger;
        this.json = json;
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
        call.createdAt = Instant.now();
        try (Connection c = ledger.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, call.role);
                ps.setString(2, call.agent);
                ps.setString(3, call.model);
                ps.setString(4, call.providerHost);
                ps.setString(5, call.outcome);
                ps.setString(6, call.error);
                ps.setObject(7, call.tokensIn, Types.INTEGER);
                ps.setObject(8, call.tokensOut, Types.INTEGER);
                ps.setInt(9, call.latencyMs);
                ps.setBigDecimal(10, call.cost);
                ps.setString(11, call.traceId);
                ps.setString(12, call.promptSha256);
                ps.setArray(13, c.createArrayOf("text", call.toolsOffered == null ? new String[0] : call.toolsOffered));
                ps.setString(14, json.writeValueAsString(call.redactions == null ? java.util.Map.of() : call.redactions));
                ps.setObject(15, call.repId, Types.BIGINT);
                ps.setObject(16, call.accountId, Types.BIGINT);
                ps.setObject(17, java.time.OffsetDateTime.ofInstant(call.createdAt, java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("the llm_call row could not be written", e);
        }
        if (call.repId != null) {
            limits.chargeLlm(budgetKey(call.repId), (long) (call.tokensIn == null ? 0 : call.tokensIn) + (call.tokensOut == null ? 0 : call.tokensOut));
        }
    }

    /** The LLM budget is per rep (by id: a renamed rep keeps their spend). */
    static String budgetKey(long repId) {
        return "rep:" + repId;
    }
}
