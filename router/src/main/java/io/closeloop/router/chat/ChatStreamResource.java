package io.closeloop.router.chat;

import io.closeloop.agents.api.Citation;
import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.quarkus.security.Authenticated;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/chat/stream}: the same request as {@code POST /api/chat} (same {@link ChatService}
 * call), answered as server-sent events, one per stage: {@code route} (decided and logged, with
 * the badge the answer will most likely carry), {@code evidence} (the cited interactions),
 * {@code answer} (the text <em>after</em> the guardrails), {@code actions} (proposals, their
 * verdicts and drafted action ids), {@code done} (the whole {@link ChatResponse}, with the total
 * latency) — or {@code problem} (RFC 9457 fields) when the request fails after the stream began.
 * A request refused before any stage (empty or too long message, rate limit) is an ordinary
 * problem+json response. The stages run on a worker thread: {@link ChatService} needs only the
 * caller, resolved here, not the request.
 */
@Path("/api/chat/stream")
@Authenticated
public class ChatStreamResource {

    private static final Logger LOG = Logger.getLogger(ChatStreamResource.class);

    private final ChatService chat;
    private final CurrentRep currentRep;
    private final UserRateLimiter limits;

    public ChatStreamResource(ChatService chat, CurrentRep currentRep, UserRateLimiter limits) {
        this.chat = chat;
        this.currentRep = currentRep;
        this.limits = limits;
    }

    @POST
    @Blocking // resolving the caller reads the database; the stages then run on a worker thread of their own
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(ChatInput input, @jakarta.ws.rs.core.Context Sse sse) {
        Rep rep = currentRep.get();
        limits.acquireChat(rep.username);
        chat.validMessage(input); // refused before any stage: the usual problem+json response, nothing stored
        Context trace = Context.current(); // the stages' spans stay in the request's trace
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            Stages stages = new Stages(emitter, sse);
            try (Scope ignored = trace.makeCurrent()) {
                ChatResponse response = chat.chat(rep, input, stages);
                stages.send("actions", Map.of("proposals", response.proposals(), "draftedActionIds", response.draftedActionIds()));
                stages.send("done", response);
            } catch (RuntimeException e) {
                stages.send("problem", problem(e));
            }
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Map<String, Object> problem(RuntimeException e) {
        ProblemType type = e instanceof ProblemException p ? p.type() : ProblemType.INTERNAL;
        List<FieldError> errors = e instanceof ProblemException p ? p.errors() : List.of();
        if (!(e instanceof ProblemException)) {
            LOG.error("chat stream failed after it began", e);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri());
        problem.put("title", type.title());
        problem.put("status", type.status());
        problem.put("detail", e instanceof ProblemException ? e.getMessage() : "The answer could not be completed; nothing more was done.");
        problem.put("errors", errors);
        return problem;
    }

    /** Emits each stage as a named JSON event, in order. */
    private record Stages(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) implements ChatProgress {

        @Override
        public void routed(long decisionId, ChatResponse.RouteView route, ChatResponse.Badge expected, double routingMs) {
            send("route", Map.of("decisionId", decisionId, "route", route, "expected", expected, "routingMs", routingMs));
        }

        @Override
        public void evidence(List<Citation> citations) {
            send("evidence", Map.of("citations", citations));
        }

        @Override
        public void answered(String text, ChatResponse.Badge badge, String agent, List<GuardrailVerdictView> guardrails) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("text", text);
            answer.put("badge", badge);
            answer.put("agent", agent);
            answer.put("guardrails", guardrails);
            send("answer", answer);
        }

        void send(String name, Object data) {
            if (!emitter.isCancelled()) { // the client left: the request still completes (its route and drafts are recorded)
                emitter.emit(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
            }
        }
    }
}
