package io.closeloop.vectorstore.ingest;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.quarkus.security.Authenticated;
import io.closeloop.kernel.Page;
import io.closeloop.vectorstore.identity.UnmatchedInteractions;
import io.closeloop.vectorstore.interaction.InteractionView;
import io.closeloop.vectorstore.retrieval.InteractionSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code POST /api/interactions}: the webhook. One interaction object (201 created, 200 when the
 * external id is known) or an array of them (200 with one result per item; bad items are
 * rejected by index, the rest are stored). Repeating a request changes nothing. Also reading
 * one interaction and the review list of unmatched ones.
 */
@Path("/api/interactions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    private final IngestionPipeline pipeline;
    private final InteractionJson json;
    private final IngestionConfig config;
    private final InteractionSearch search;
    private final UnmatchedInteractions unmatched;
    private final CurrentRep me;

    public InteractionResource(IngestionPipeline pipeline, InteractionJson json, IngestionConfig config, InteractionSearch search,
            UnmatchedInteractions unmatched, CurrentRep me) {
        this.pipeline = pipeline;
        this.json = json;
        this.config = config;
        this.search = search;
        this.unmatched = unmatched;
        this.me = me;
    }

    @GET
    @Path("/{id}")
    public InteractionView get(@PathParam("id") long id) {
        return search.get(me.get(), id);
    }

    /** The review list: interactions no contact or account matched yet (admins). */
    @GET
    @Path("/unmatched")
    @RolesAllowed("ADMIN")
    public Page<InteractionView> unmatched(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return unmatched.list(page, size);
    }

    /** Attaches an interaction by hand to an account (and optionally a contact and deal of it). */
    @POST
    @Path("/{id}/match")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    public InteractionView match(@PathParam("id") long id, @NotNull ManualMatch match) {
        return unmatched.attach(me.get(), id, match.accountId(), match.contactId(), match.dealId());
    }

    /** Body of a manual match. */
    public record ManualMatch(Long accountId, Long contactId, Long dealId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ingest(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "is empty: send an interaction object or an array of them");
        }
        InteractionJson.Parsed parsed = json.parse(body, "body");
        if (!parsed.batch()) {
            IngestResult result = pipeline.ingestOne(parsed.items().get(0), IngestPath.API, me.get());
            return result.status() == IngestStatus.CREATED
                    ? Response.created(URI.create("/api/interactions/" + result.interactionId())).entity(result).build()
                    : Response.ok(result).build();
        }
        if (parsed.items().size() > config.maxBatch()) {
            throw ProblemException.invalidField("body", "holds " + parsed.items().size() + " interactions; at most "
                    + config.maxBatch() + " per request");
        }
        return Response.ok(BatchResult.of(pipeline.ingest(parsed, IngestPath.API, me.get()))).build();
    }
}
