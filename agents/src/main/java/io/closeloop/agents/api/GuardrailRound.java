package io.closeloop.agents.api;

import io.closeloop.guardrails.check.CheckResult;

/**
 * One guardrail check an agent ran on its own output before answering (the LLM agents check every
 * output and revise it once when blocked): which part ({@link #ANSWER} for the answer text,
 * {@code action[i]} for the i-th proposed action, or a {@code withheld-...} subject when the
 * fallback replaced it), the round (0 = the first output, 1 = the revision), the stored check, and
 * whether the fallback replaced the output. An answer that carries rounds was checked by its agent:
 * the router does not check its text again.
 */
public record GuardrailRound(String subject, int round, CheckResult check, boolean fallback) {

    /** The subject of the checks on the answer text. */
    public static final String ANSWER = "answer";
    /** The prefix of the subjects whose output the fallback replaced ({@code withheld-answer}, {@code withheld-draft}). */
    public static final String WITHHELD = "withheld-";

    public boolean withheld() {
        return subject.startsWith(WITHHELD);
    }
}
