package io.closeloop.crm.contact;

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

/** {@code /api/contacts}: contacts of the accounts the caller may see. */
@Path("/api/contacts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService contacts;
    private final CurrentRep me;

    public ContactResource(ContactService contacts, CurrentRep me) {
        this.contacts = contacts;
        this.me = me;
    }

    @GET
    public Page<ContactView> list(@QueryParam("accountId") Long accountId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return contacts.list(me.get(), accountId, page, size);
    }

    @GET
    @Path("/{id}")
    public ContactView get(@PathParam("id") Long id) {
        return contacts.get(me.get(), id);
    }

    @POST
    public Response create(@NotNull @Valid ContactInput input) {
        ContactView created = contacts.create(me.get(), input);
        return Response.created(URI.create("/api/contacts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    public ContactView update(@PathParam("id") Long id, @NotNull @Valid ContactInput input) {
        return contacts.update(me.get(), id, input);
    }
}
