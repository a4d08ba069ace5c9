package io.closeloop.crm.deal;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.Page;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /api/deals}: deals of the accounts the caller may see, with their stage history. */
@Path("/api/deals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DealResource {

    private final DealService deals;
    private final CurrentRep me;

    public DealResource(DealService deals, CurrentRep me) {
        this.deals = deals;
        this.me = me;
    }

    @GET
    public Page<DealView> list(@QueryParam("accountId") Long accountId, @QueryParam("stage") DealStage stage,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return deals.list(me.get(), accountId, stage, page, size);
    }

    @GET
    @Path("/{id}")
    public DealView get(@PathParam("id") Long id) {
        return deals.get(me.get(), id);
    }

    @POST
    public Response create(@NotNull @Valid DealInput input) {
        DealView created = deals.create(me.get(), input);
        return Response.created(URI.create("/api/deals/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    public DealView update(@PathParam("id") Long id, @NotNull @Valid DealInput input) {
        return deals.update(me.get(), id, input);
    }
}
