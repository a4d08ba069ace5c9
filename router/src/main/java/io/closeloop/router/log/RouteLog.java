package io.closeloop.router.log;

import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.crm.rep.Rep;
import io.closeloop.router.policy.RouteChoice;
import io.closeloop.router.policy.ServingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes {@code route_decision}: the decision as soon as it is taken (so a failing agent still
 * leaves the decision behind), then the answer's mode, total latency and LLM usage.
 */
@ApplicationScoped
public class RouteLog {

    @Transactional
    public RouteDecision decided(Rep rep, String message, ServingModel model, RouteChoice choice, long routingMicros, String traceId) {
        RouteDecision d = new RouteDecision();
        d.repId = rep.id;
        d.teamId = rep.teamId();
        d.message = message;
        d.intent = choice.intent();
        d.confidence = choice.confidence();
        d.modelName = model.name();
        d.modelVersion = model.version();
        d.threshold = choice.threshold();
        d.route = choice.route().name();
        d.reason = choice.reasonCode();
        d.agentIntent = choice.agentIntent();
        d.routingMicros = routingMicros;
        d.traceId = traceId;
        d.persist();
        return d;
    }

    @Transactional
    public void answered(long decisionId, AgentAnswer answer, long totalMs) {
        RouteDecision d = RouteDecision.findById(decisionId);
        d.answerMode = answer.mode().name();
        d.totalMs = (int) Math.min(Integer.MAX_VALUE, totalMs);
        if (answer.usage() != null) {
            d.llmTokens = answer.usage().tokensIn() + answer.usage().tokensOut();
            d.llmCost = answer.usage().cost();
        }
    }
}
