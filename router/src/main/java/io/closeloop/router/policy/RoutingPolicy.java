package io.closeloop.router.policy;

import io.closeloop.agents.classifier.Classification;
import io.closeloop.router.intents.Handler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The routing policy, a pure function of the classification, the serving model's per-intent
 * thresholds, the deployed agents and the LLM status. Nothing in the message other than its
 * classification reaches it, so no text can choose a route.
 * <ol>
 * <li>Top intent at or above its threshold: out of scope -> clarify; small-agent intent with a
 * deployed small agent -> small agent; otherwise the LLM agent is needed.</li>
 * <li>Below the threshold (or no threshold): the LLM agent is needed, for the most probable intent
 * it answers.</li>
 * <li>The LLM agent is needed but may not be used: an intent the taxonomy gives to the LLM still
 * goes to the LLM agent when the LLM is merely unconfigured or its circuit is open (it answers with
 * an offline template and says so, calling no LLM); when the budget is spent, or the intent was
 * uncertain, the router asks a clarifying question instead.</li>
 * </ol>
 */
public final class RoutingPolicy {

    /** A threshold above every probability: the intent never goes to its handler on confidence alone. */
    public static final double NEVER = 1.01;

    private final Function<String, Handler> handlers;
    private final Set<String> smallAgentIntents;
    private final Set<String> llmAgentIntents;
    private final int clarifyChoices;

    public RoutingPolicy(Function<String, Handler> handlers, Set<String> smallAgentIntents, Set<String> llmAgentIntents,
            int clarifyChoices) {
        this.handlers = handlers;
        this.smallAgentIntents = Set.copyOf(smallAgentIntents);
        this.llmAgentIntents = Set.copyOf(llmAgentIntents);
        this.clarifyChoices = clarifyChoices;
    }

    public RouteChoice decide(Classification classification, Map<String, Double> thresholds, LlmStatus llm) {
        String top = classification.label();
        double confidence = classification.confidence();
        Double threshold = thresholds.get(top);
        boolean confident = confidence >= (threshold == null ? NEVER : threshold);
        Handler handler = handlers.apply(top);
        List<String> choices = classification.ranked().stream().map(Classification.ScoredLabel::label)
                .filter(label -> handlers.apply(label) != Handler.CLARIFY).limit(clarifyChoices).toList();
        if (confident && handler == Handler.CLARIFY) {
            return new RouteChoice(Route.CLARIFY, RouteReason.OUT_OF_SCOPE, top, confidence, threshold, null, llm, choices);
        }
        if (confident && handler == Handler.SMALL_AGENT && smallAgentIntents.contains(top)) {
            return new RouteChoice(Route.SMALL_AGENT, RouteReason.CONFIDENT, top, confidence, threshold, top, llm, choices);
        }
        RouteReason reason = !confident ? RouteReason.BELOW_THRESHOLD
                : handler == Handler.SMALL_AGENT ? RouteReason.NO_SMALL_AGENT : RouteReason.LLM_INTENT;
        String llmIntent = reason == RouteReason.LLM_INTENT && llmAgentIntents.contains(top) ? top : bestLlmIntent(classification);
        if (reason == RouteReason.LLM_INTENT && !llmAgentIntents.contains(top)) {
            reason = RouteReason.NO_SMALL_AGENT; // the taxonomy names an LLM intent no LLM agent answers: treat as unserved
        }
        boolean offlineTemplate = reason == RouteReason.LLM_INTENT
                && (llm == LlmStatus.NOT_CONFIGURED || llm == LlmStatus.CIRCUIT_OPEN);
        if (llmIntent != null && (llm == LlmStatus.AVAILABLE || offlineTemplate)) {
            return new RouteChoice(Route.LLM_AGENT, reason, top, confidence, threshold, llmIntent, llm, choices);
        }
        return new RouteChoice(Route.CLARIFY, reason, top, confidence, threshold, null, llm, choices);
    }

    /** The most probable intent the LLM agent answers, or null when it answers none. */
    private String bestLlmIntent(Classification classification) {
        return classification.ranked().stream().map(Classification.ScoredLabel::label).filter(llmAgentIntents::contains)
                .findFirst().orElse(null);
    }
}
