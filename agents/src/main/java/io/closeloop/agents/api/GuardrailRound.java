package io.closeloop.agents.api;

import io.closeloop.guardrails.check.CheckResult;

/**
 * One guardrail check an agent ran on its own output before answering (the LLM agents check their
 * drafts and revise once when blocked): which part ({@code action[i]} for the i-th proposed action,
 * or {@code withheld-draft} when the fallback replaced it), the round (0 = the first draft,
 * 1 = the revision), the stored check, and whether the fallback replaced the output.
 */
public record GuardrailRound(String subject, int round, CheckResult check, boolean fallback) {
}
