package io.closeloop.router.chat;

import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.api.ProposedAction;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.router.policy.LlmStatus;
import io.closeloop.router.policy.RouteReason;
import io.closeloop.router.policy.RouteChoice;
import java.util.List;

/**
 * The answer to a chat message: the text (after the guardrails), the mode badge (who answered:
 * small model, LLM, or offline), how and why it was routed, latency, citations, the proposed
 * actions with their verdicts and drafted action ids, every guardrail verdict, notices the UI
 * must show as they are, and the trace id.
 */
public record ChatResponse(long decisionId, String text, Badge badge, String agent, RouteView route, Latency latency,
        List<Citation> citations, List<ProposalView> proposals, List<Long> draftedActionIds, List<GuardrailVerdictView> guardrails,
        List<String> notices, String traceId) {

    /** The mode badge: {@code mode} for code, {@code label} for people. */
    public record Badge(AnswerMode mode, String label) {

        /** The badge a route will most likely earn: decided before the agent runs, confirmed by the answer. */
        static Badge expected(RouteChoice choice) {
            return of(switch (choice.route()) {
                case SMALL_AGENT -> AnswerMode.SMALL_MODEL;
                case LLM_AGENT -> choice.llm() == LlmStatus.AVAILABLE ? AnswerMode.LLM : AnswerMode.OFFLINE;
                case CLARIFY -> choice.reason() == RouteReason.OUT_OF_SCOPE ? AnswerMode.SMALL_MODEL : AnswerMode.OFFLINE;
            });
        }

        static Badge of(AnswerMode mode) {
            return new Badge(mode, switch (mode) {
                case SMALL_MODEL -> "small model";
                case LLM -> "LLM";
                case OFFLINE -> "offline";
            });
        }
    }

    /** The routing decision as stored in route_decision. */
    public record RouteView(String route, String reason, String intent, double confidence, Double threshold, String agentIntent,
            String model, int modelVersion, String llm) {
    }

    /** Routing (embed + classify + policy) and the whole request, in milliseconds. */
    public record Latency(double routingMs, long totalMs) {
    }

    /** A proposed action, its verdict, and its drafted action id once the action loop queued it. */
    public record ProposalView(ProposedAction action, Verdict verdict, boolean accepted, Long actionId) {
    }
}
