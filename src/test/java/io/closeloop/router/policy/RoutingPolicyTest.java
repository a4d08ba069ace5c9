package io.closeloop.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.agents.classifier.Classification;
import io.closeloop.router.intents.Handler;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy as a pure function of classification, thresholds, deployed agents and LLM status. */
class RoutingPolicyTest {

    private static final Map<String, Handler> HANDLERS = Map.of("lookup", Handler.SMALL_AGENT, "churn", Handler.SMALL_AGENT,
            "draft_email", Handler.LLM_AGENT, "summarize", Handler.LLM_AGENT, "out_of_scope", Handler.CLARIFY);
    private static final Map<String, Double> THRESHOLDS = Map.of("lookup", 0.6, "churn", 0.5, "draft_email", 0.7, "summarize", 0.7,
            "out_of_scope", 0.8);

    private final RoutingPolicy policy = new RoutingPolicy(id -> HANDLERS.getOrDefault(id, Handler.LLM_AGENT), Set.of("lookup"),
            Set.of("draft_email", "summarize"), 2);

    private static Classification ranked(Object... labelsAndProbabilities) {
        java.util.List<Classification.ScoredLabel> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < labelsAndProbabilities.length; i += 2) {
            ranked.add(new Classification.ScoredLabel((String) labelsAndProbabilities[i], (Double) labelsAndProbabilities[i + 1]));
        }
        return new Classification(ranked);
    }

    @Test
    void confidentSmallIntentGoesToItsSmallAgentWhateverTheLlmStatus() {
        for (LlmStatus llm : LlmStatus.values()) {
            RouteChoice c = policy.decide(ranked("lookup", 0.6, "summarize", 0.3, "out_of_scope", 0.1), THRESHOLDS, llm);
            assertThat(c.route()).isEqualTo(Route.SMALL_AGENT);
            assertThat(c.reason()).isEqualTo(RouteReason.CONFIDENT);
            assertThat(c.agentIntent()).isEqualTo("lookup");
            assertThat(c.degraded()).isFalse();
        }
    }

    @Test
    void belowThresholdGoesToTheLlmAgentForItsMostProbableLlmIntent() {
        RouteChoice c = policy.decide(ranked("lookup", 0.59, "summarize", 0.3, "draft_email", 0.11), THRESHOLDS, LlmStatus.AVAILABLE);
        assertThat(c.route()).isEqualTo(Route.LLM_AGENT);
        assertThat(c.reason()).isEqualTo(RouteReason.BELOW_THRESHOLD);
        assertThat(c.agentIntent()).isEqualTo("summarize");
        assertThat(c.intent()).isEqualTo("lookup");
        assertThat(c.reasonCode()).isEqualTo("BELOW_THRESHOLD");
    }

    @Test
    void belowThresholdWithoutAnUsableLlmAsksAClarifyingQuestionAndSaysWhy() {
        for (LlmStatus llm : new LlmStatus[] { LlmStatus.NOT_CONFIGURED, LlmStatus.CIRCUIT_OPEN, LlmStatus.BUDGET_SPENT }) {
            RouteChoice c = policy.decide(ranked("lookup", 0.5, "out_of_scope", 0.3, "summarize", 0.2), THRESHOLDS, llm);
            assertThat(c.route()).isEqualTo(Route.CLARIFY);
            assertThat(c.degraded()).isTrue();
            assertThat(c.reasonCode()).isEqualTo("BELOW_THRESHOLD; LLM " + llm.name());
            assertThat(c.choices()).containsExactly("lookup", "summarize"); // out_of_scope is never offered
        }
    }

    @Test
    void confidentLlmIntentStaysWithTheLlmAgentWhenItCanAnswerOfflineButNotWhenTheBudgetIsSpent() {
        Classification draft = ranked("draft_email", 0.9, "lookup", 0.1);
        assertThat(policy.decide(draft, THRESHOLDS, LlmStatus.AVAILABLE).route()).isEqualTo(Route.LLM_AGENT);
        RouteChoice open = policy.decide(draft, THRESHOLDS, LlmStatus.CIRCUIT_OPEN);
        assertThat(open.route()).isEqualTo(Route.LLM_AGENT);
        assertThat(open.degraded()).isTrue();
        assertThat(open.reasonCode()).isEqualTo("LLM_INTENT; LLM CIRCUIT_OPEN");
        assertThat(policy.decide(draft, THRESHOLDS, LlmStatus.NOT_CONFIGURED).route()).isEqualTo(Route.LLM_AGENT);
        RouteChoice spent = policy.decide(draft, THRESHOLDS, LlmStatus.BUDGET_SPENT);
        assertThat(spent.route()).isEqualTo(Route.CLARIFY);
        assertThat(spent.reasonCode()).isEqualTo("LLM_INTENT; LLM BUDGET_SPENT");
    }

    @Test
    void confidentOutOfScopeIsAnsweredWithAClarifyingQuestionNeverAnAgent() {
        RouteChoice c = policy.decide(ranked("out_of_scope", 0.85, "lookup", 0.15), THRESHOLDS, LlmStatus.AVAILABLE);
        assertThat(c.route()).isEqualTo(Route.CLARIFY);
        assertThat(c.reason()).isEqualTo(RouteReason.OUT_OF_SCOPE);
        assertThat(c.agentIntent()).isNull();
        assertThat(c.degraded()).isFalse();
    }

    @Test
    void unsureOutOfScopeIsTreatedLikeAnyUncertainRequest() {
        RouteChoice c = policy.decide(ranked("out_of_scope", 0.79, "draft_email", 0.21), THRESHOLDS, LlmStatus.AVAILABLE);
        assertThat(c.route()).isEqualTo(Route.LLM_AGENT);
        assertThat(c.agentIntent()).isEqualTo("draft_email");
    }

    @Test
    void smallIntentWithoutADeployedSmallAgentNeedsTheLlm() {
        RouteChoice c = policy.decide(ranked("churn", 0.9, "summarize", 0.1), THRESHOLDS, LlmStatus.AVAILABLE);
        assertThat(c.route()).isEqualTo(Route.LLM_AGENT);
        assertThat(c.reason()).isEqualTo(RouteReason.NO_SMALL_AGENT);
        assertThat(c.agentIntent()).isEqualTo("summarize");
    }

    @Test
    void anIntentWithoutAThresholdIsNeverConfident() {
        RouteChoice c = policy.decide(ranked("lookup", 1.0), Map.of(), LlmStatus.NOT_CONFIGURED);
        assertThat(c.route()).isEqualTo(Route.CLARIFY);
        assertThat(c.reason()).isEqualTo(RouteReason.BELOW_THRESHOLD);
        assertThat(c.threshold()).isNull();
    }
}
