package io.closeloop.agents.api;

import java.math.BigDecimal;

/** What the LLM calls behind one answer cost: summed over every call (tool rounds and retries). */
public record LlmUsage(String model, int calls, int tokensIn, int tokensOut, BigDecimal cost, long latencyMs) {
}
