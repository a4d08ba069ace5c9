package io.closeloop.agents.llm;

import io.closeloop.agents.api.LlmUsage;
import io.closeloop.agents.pii.Redaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who an LLM answer is for and what its calls have cost so far. One per answer; the
 * {@link RecordingChatModel} adds every call to it.
 */
public final class CallContext {

    private final String agent;
    private final Long repId;
    private final Long accountId;
    private final Redaction redaction;
    private final List<String> toolsOffered;
    private int calls;
    private int tokensIn;
    private int tokensOut;
    private BigDecimal cost = BigDecimal.ZERO;
    private long latencyMs;
    private String model;

    public CallContext(String agent, Long repId, Long accountId, List<String> toolsOffered, Redaction redaction) {
        this.agent = agent;
        this.redaction = redaction;
        this.repId = repId;
        this.accountId = accountId;
        this.toolsOffered = List.copyOf(toolsOffered);
    }

    synchronized void add(String model, Integer in, Integer out, BigDecimal callCost, long latency) {
        this.model = model;
        calls++;
        tokensIn += in == null ? 0 : in;
        tokensOut += out == null ? 0 : out;
        cost = cost.add(callCost);
        latencyMs += latency;
    }

    public String agent() {
        return agent;
    }

    public Long repId() {
        return repId;
    }

    public Long accountId() {
        return accountId;
    }

    public List<String> toolsOffered() {
        return toolsOffered;
    }

    /** Redactions so far in this answer (prompt and every tool result), by kind: counts only, never values. */
    public Map<String, Integer> redactions() {
        Map<String, Integer> counts = new TreeMap<>();
        redaction.counts().forEach((kind, n) -> counts.put(kind.name(), n));
        return counts;
    }

    /** The usage of every call made so far, or null when none was made. */
    public synchronized LlmUsage usage() {
        return calls == 0 ? null : new LlmUsage(model, calls, tokensIn, tokensOut, cost, latencyMs);
    }
}
