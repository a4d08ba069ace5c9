package io.closeloop.router.chat;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.closeloop.router.config.RouterConfig;
import io.closeloop.router.log.RouteDecision;
import io.closeloop.router.log.RouteLog;
import io.closeloop.router.policy.IntentRouter;
import io.closeloop.router.policy.Route;
import io.closeloop.router.policy.RouteChoice;
import io.closeloop.router.policy.Routed;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * The front door: validate the message, route it (span {@code closeloop.router.route}, row in
 * {@code route_decision}), let the chosen agent or the router itself answer, run the guardrails
 * over the answer and its proposed actions, hand the accepted proposals to the action loop, and
 * record how it was answered.
 */
@ApplicationScoped
public class ChatService {

    private final IntentRouter router;
    private final RouteLog log;
    private final AgentDispatcher agents;
    private final ClarifyingAnswers clarifying;
    private final GuardrailReview review;
    private final Instance<ActionHandoff> handoff;
    private final Tracer tracer;
    private final RouterConfig config;

    public ChatService(IntentRouter router, RouteLog log, AgentDispatcher agents, ClarifyingAnswers clarifying, GuardrailReview review,
            Instance<ActionHandoff> handoff, Tracer tracer, RouterConfig config) {
        this.router = router;
        this.log = log;
        this.agents = agents;
        this.clarifying = clarifying;
        this.review = review;
        this.handoff = handoff;
        this.tracer = tracer;
        this.config = config;
    }

    public ChatResponse chat(Rep rep, ChatInput input) {
        return chat(rep, input, ChatProgress.NONE);
    }

    /** The same request, telling {@code progress} of each stage as it completes (the streamed chat). */
    public ChatResponse chat(Rep rep, ChatInput input, ChatProgress progress) {
        String message = validMessage(input);
        long started = System.nanoTime();
        Routed routed;
        RouteDecision decision;
        Span span = tracer.spanBuilder("closeloop.router.route").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            routed = router.route(message);
            decision = log.decided(rep, message, routed.model(), routed.choice(), routed.micros(), span.getSpanContext().getTraceId());
            describe(span, routed, decision);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
        RouteChoice choice = routed.choice();
        ChatResponse.RouteView route = new ChatResponse.RouteView(choice.route().name(), decision.reason, choice.intent(),
                choice.confidence(), choice.threshold(), choice.agentIntent(), routed.model().name(), routed.model().version(),
                choice.llm().name());
        progress.routed(decision.id, route, ChatResponse.Badge.expected(choice), routed.micros() / 1000.0);
        AgentRequest request = new AgentRequest(rep, message, input.accountId(), input.contactId(), input.dealId(), choice.agentIntent());
        AgentAnswer answer = choice.route() == Route.CLARIFY ? clarifying.answer(choice) : agents.answer(request);
        progress.evidence(answer.citations());
        GuardrailReview.Reviewed reviewed = choice.route() == Route.CLARIFY
                ? new GuardrailReview.Reviewed(answer.text(), List.of(), List.of())
                : review.review(request, answer, decision.id);
        progress.answered(reviewed.text(), ChatResponse.Badge.of(answer.mode()), answer.agent(), reviewed.verdicts());

        List<String> notices = new ArrayList<>();
        if (answer.notice() != null) {
            notices.add(answer.notice());
        }
        if (choice.degraded() && choice.route() != Route.CLARIFY) {
            notices.add("The language model was not used: " + choice.llm().explanation() + ".");
        }
        List<ReviewedProposal> accepted = reviewed.proposals().stream().filter(ReviewedProposal::accepted).toList();
        List<ActionHandoff.Queued> queued = List.of();
        if (!accepted.isEmpty()) {
            if (handoff.isResolvable()) {
                queued = handoff.get().queue(request, decision.id, answer.agent(), choice.route().name(), accepted);
            } else {
                notices.add("The proposed actions were checked but not queued: the action loop is not installed in this service.");
            }
        }
        List<Long> actionIds = new ArrayList<>();
        for (ActionHandoff.Queued q : queued) {
            if (q.actionId() != null) {
                actionIds.add(q.actionId());
                if (!q.created()) {
                    notices.add("This proposal was already queued today as action " + q.actionId() + "; it was not queued again.");
                }
            } else {
                notices.add("A proposed action could not be queued: " + q.problem());
            }
        }
        List<ChatResponse.ProposalView> proposals = new ArrayList<>();
        int next = 0;
        for (ReviewedProposal p : reviewed.proposals()) {
            Long id = p.accepted() && next < queued.size() ? queued.get(next++).actionId() : null;
            proposals.add(new ChatResponse.ProposalView(p.proposal(), p.verdict(), p.accepted(), id));
        }
        long totalMs = (System.nanoTime() - started) / 1_000_000;
        log.answered(decision.id, answer, totalMs);
        return new ChatResponse(decision.id, reviewed.text(), ChatResponse.Badge.of(answer.mode()), answer.agent(), route,
                new ChatResponse.Latency(routed.micros() / 1000.0, totalMs), answer.citations(), proposals, actionIds,
                reviewed.verdicts(), notices, decision.traceId);
    }

    /** The stripped message, or a problem naming {@code message} (400 empty, 413 too long). */
    String validMessage(ChatInput input) {
        String message = input == null || input.message() == null ? "" : input.message().strip();
        if (message.isEmpty()) {
            throw ProblemException.invalidField("message", "must not be empty");
        }
        int length = message.codePointCount(0, message.length());
        if (length > config.maxMessageChars()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The message has " + length + " characters; the limit is "
                    + config.maxMessageChars() + ". Shorten it or split it; nothing was routed or stored.",
                    List.of(new FieldError("message", "longer than " + config.maxMessageChars() + " characters")));
        }
        return message;
    }

    private static void describe(Span span, Routed routed, RouteDecision decision) {
        RouteChoice c = routed.choice();
        span.setAttribute("closeloop.router.decision_id", decision.id);
        span.setAttribute("closeloop.router.intent", c.intent());
        span.setAttribute("closeloop.router.confidence", c.confidence());
        if (c.threshold() != null) {
            span.setAttribute("closeloop.router.threshold", c.threshold());
        }
        span.setAttribute("closeloop.router.model", routed.model().name());
        span.setAttribute("closeloop.router.model_version", routed.model().version());
        span.setAttribute("closeloop.router.route", c.route().name());
        span.setAttribute("closeloop.router.reason", decision.reason);
        span.setAttribute("closeloop.router.llm_status", c.llm().name());
        span.setAttribute("closeloop.router.latency_us", routed.micros());
        if (c.agentIntent() != null) {
            span.setAttribute("closeloop.router.agent_intent", c.agentIntent());
        }
    }
}
