package io.closeloop.agents.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an agent gives back to the router: the text for the rep, who produced it ({@link #mode}
 * and {@link #agent}), the interactions it cites, the actions it proposes (never executed here),
 * LLM usage when an LLM was called, a notice the UI must show as is (e.g. why an answer is
 * offline), and the guardrail checks the agent already ran on its output (the last round of
 * {@code action[i]} is the verdict on the i-th action; empty when the agent checked nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentAnswer(String text, AnswerMode mode, String agent, List<Citation> citations, List<ProposedAction> actions,
        LlmUsage usage, String notice, List<GuardrailRound> guardrails) {

    public AgentAnswer {
        citations = List.copyOf(citations);
        actions = List.copyOf(actions);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }

    /** An answer whose output the agent did not check itself (the router's review checks it). */
    public AgentAnswer(String text, AnswerMode mode, String agent, List<Citation> citations, List<ProposedAction> actions,
            LlmUsage usage, String notice) {
        this(text, mode, agent, citations, actions, usage, notice, List.of());
    }

    /** The last check the agent ran on its {@code index}-th proposed action, if it ran one. */
    public java.util.Optional<GuardrailRound> finalCheckOfAction(int index) {
        String subject = "action[" + index + "]";
        GuardrailRound last = null;
        for (GuardrailRound r : guardrails) {
            if (r.subject().equals(subject)) {
                last = r;
            }
        }
        return java.util.Optional.ofNullable(last);
    }

    public static AgentAnswer small(String agent, String text, List<Citation> citations, List<ProposedAction> actions) {
        return new AgentAnswer(text, AnswerMode.SMALL_MODEL, agent, citations, actions, null, null);
    }
}
