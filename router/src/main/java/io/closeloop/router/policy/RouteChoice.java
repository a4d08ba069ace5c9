package io.closeloop.router.policy;

import java.util.List;

/**
 * The policy's decision for one message.
 *
 * @param intent      the classifier's top intent
 * @param confidence  its calibrated probability
 * @param threshold   the intent's threshold in the serving model (null when it has none)
 * @param agentIntent the intent handed to the agent (null for {@link Route#CLARIFY})
 * @param llm         the LLM status the decision respected
 * @param choices     the most probable intents, offered by a clarifying answer
 */
public record RouteChoice(Route route, RouteReason reason, String intent, double confidence, Double threshold, String agentIntent,
        LlmStatus llm, List<String> choices) {

    /** True when the request needed the LLM but the policy degraded because it may not be used. */
    public boolean degraded() {
        return llm != LlmStatus.AVAILABLE && (reason == RouteReason.LLM_INTENT || reason == RouteReason.NO_SMALL_AGENT
                || reason == RouteReason.BELOW_THRESHOLD);
    }

    /** The stored reason: the policy's reason, plus the LLM status when it degraded the route. */
    public String reasonCode() {
        return degraded() ? reason.name() + "; LLM " + llm.name() : reason.name();
    }
}
