package io.closeloop.actions.rest;

import io.closeloop.actions.action.ActionDecisions;
import io.closeloop.actions.action.ActionDrafts;
import io.closeloop.actions.action.ActionEventView;
import io.closeloop.actions.action.ActionNotifier;
import io.closeloop.actions.action.ActionQueue;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionView;
import io.closeloop.actions.action.Decision;
import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code /api/actions}: the caller's queue (their own and their team's unowned drafts; a
 * manager's whole team), decisions, history, and a server-sent-event stream of changes.
 */
@Path("/api/actions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionQueue queue;
    private final ActionDecisions decisions;
    private final ActionDrafts drafts;
    private final ActionNotifier notifier;
    private final CurrentRep me;

    public ActionResource(ActionQueue queue, ActionDecisions decisions, ActionDrafts drafts, ActionNotifier notifier,
            CurrentRep me) {
        this.queue = queue;
        this.decisions = decisions;
        this.drafts = drafts;
        this.notifier = notifier;
        this.me = me;
    }

    @GET
    public Page<ActionView> list(@QueryParam("status") List<String> status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queue.list(me.get(), statuses(status), page, size);
    }

    @GET
    @Path("/{id}")
    public ActionView get(@PathParam("id") Long id) {
        return queue.get(me.get(), id);
    }

    @GET
    @Path("/{id}/history")
    public List<ActionEventView> history(@PathParam("id") Long id) {
        return queue.history(me.get(), id);
    }

    /**
     * Drafts an action: a rep's draft goes to their own queue (they may draft on an account another
     * rep owns and their team shares, and must see what they drafted); a manager's or an admin's to
     * the account owner's. Validated and guarded like every draft.
     */
    @POST
    public Response draft(DraftInput input) {
        if (input == null) {
            throw ProblemException.invalidField("body", "a draft is required");
        }
        Rep rep = me.get();
        Long ownerId = RepRole.REP.name().equals(rep.role) ? rep.id : null;
        ActionDrafts.Drafted drafted = QuarkusTransaction.requiringNew().call(() -> drafts.draft(input.toRequest(ownerId), rep));
        ActionView view = queue.get(rep, drafted.action().id);
        return Response.status(drafted.created() ? 201 : 200).location(URI.create("/api/actions/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/{id}/approve")
    public ActionView approve(@PathParam("id") Long id, Decision decision) {
        return decisions.approve(me.get(), id, required(decision));
    }

    @POST
    @Path("/{id}/reject")
    public ActionView reject(@PathParam("id") Long id, Decision decision) {
        return decisions.reject(me.get(), id, required(decision));
    }

    /** A manager's approval of an action the guardrails held back (NEEDS_APPROVAL). */
    @POST
    @Path("/{id}/manager-approval")
    public ActionView managerApproval(@PathParam("id") Long id, Decision decision) {
        return decisions.approveAsManager(me.get(), id, required(decision));
    }

    /** Changes of the actions in the caller's queue, as they commit (drafts, decisions, executions). */
    @GET
    @Path("/stream")
    @Blocking // resolving the caller reads the database; the stream itself does not block
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ActionView> stream() {
        Rep rep = me.get();
        Long repId = rep.id;
        Long teamId = rep.teamId();
        RepRole role = rep.roleEnum();
        return notifier.stream(a -> switch (role) {
            case ADMIN -> true;
            case MANAGER -> teamId != null && teamId.equals(a.teamId());
            case REP -> a.owner() != null ? repId.equals(a.owner().id()) : Objects.equals(teamId, a.teamId());
        });
    }

    private static Decision required(Decision decision) {
        if (decision == null) {
            throw ProblemException.invalidField("version", "is required (the version you decided on)");
        }
        return decision;
    }

    private static Set<ActionStatus> statuses(List<String> names) {
        Set<ActionStatus> set = EnumSet.noneOf(ActionStatus.class);
        for (String name : names) {
            for (String part : name.split(",")) {
                try {
                    set.add(ActionStatus.valueOf(part.trim()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidField("status", "unknown status '" + part + "'");
                }
            }
        }
        return set;
    }
}
