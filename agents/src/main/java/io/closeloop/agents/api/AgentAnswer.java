package io.closeloop.agents.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an agent gives back to the router: the text for the rep, who produced it ({@link #mode}
 * and {@link #agent}), the interactions it cites, the actions it proposes (never executed here),
 * LLM usage when an LLM was called, and a notice the UI must show as is (e.g. why an answer is
 * offline).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentAnswer(String text, AnswerMode mode, String agent, List<Citation> citations, List<ProposedAction> actions,
        LlmUsage usage, String notice) {

    public AgentAnswer {
        citations = List.copyOf(citations);
        actions = List.copyOf(actions);
    }

    public static AgentAnswer small(String agent, String text, List<Citation> citations, List<ProposedAction> actions) {
        return new AgentAnswer(text, AnswerMode.SMALL_MODEL, agent, citations, actions, null, null);
    }
}
