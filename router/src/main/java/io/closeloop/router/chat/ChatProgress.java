package io.closeloop.router.chat;

import io.closeloop.agents.api.Citation;
import java.util.List;

/**
 * Stages of one chat request as they happen, for a client that streams them (the chat page).
 * Only the answer stage carries text, and only once the guardrails have reviewed it: nothing an
 * agent or the LLM wrote reaches a listener before validation.
 */
public interface ChatProgress {

    /** Nobody listens: the JSON API. */
    ChatProgress NONE = new ChatProgress() {
    };

    /** The route is decided and logged; {@code expected} is the badge the answer will most likely carry. */
    default void routed(long decisionId, ChatResponse.RouteView route, ChatResponse.Badge expected, double routingMs) {
    }

    /** The agent answered; these are the interactions its answer relies on (stored data, not model text). */
    default void evidence(List<Citation> citations) {
    }

    /** The guardrails reviewed the answer: the text is the validated (possibly repaired) one. */
    default void answered(String text, ChatResponse.Badge badge, String agent, List<GuardrailVerdictView> guardrails) {
    }
}
