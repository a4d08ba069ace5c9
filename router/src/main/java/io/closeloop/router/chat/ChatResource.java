package io.closeloop.router.chat;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.ratelimit.UserRateLimiter;
import io.closeloop.router.learn.CandidateView;
import io.closeloop.router.learn.FeedbackService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/chat}: the front door, and feedback on how a message was routed. */
@Path("/api/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {

    private final ChatService chat;
    private final FeedbackService feedback;
    private final CurrentRep currentRep;
    private final UserRateLimiter limits;

    public ChatResource(ChatService chat, FeedbackService feedback, CurrentRep currentRep, UserRateLimiter limits) {
        this.chat = chat;
        this.feedback = feedback;
        this.currentRep = currentRep;
        this.limits = limits;
    }

    @POST
    public ChatResponse chat(ChatInput input) {
        Rep rep = currentRep.get();
        limits.acquireChat(rep.username); // 429 with Retry-After past the per-user chat rate
        return chat.chat(rep, input);
    }

    /** "That's not what I asked": the message with the intent the rep meant becomes a labelled candidate. */
    @POST
    @Path("/{decisionId}/correction")
    public CandidateView correct(@PathParam("decisionId") long decisionId, CorrectionInput input) {
        return feedback.correct(currentRep.get(), decisionId, input == null ? null : input.intent());
    }

    /** The answer was what the rep asked for: the routed intent becomes a labelled candidate. */
    @POST
    @Path("/{decisionId}/accepted")
    public CandidateView accepted(@PathParam("decisionId") long decisionId) {
        return feedback.accepted(currentRep.get(), decisionId);
    }

    /** The body of a correction. */
    public record CorrectionInput(String intent) {
    }
}
