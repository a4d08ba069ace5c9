package io.closeloop.crm.erasure;

import io.closeloop.crm.access.CurrentRep;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/admin}: right to erasure of a contact or an account (admins only). */
@Path("/api/admin")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService erasure;
    private final CurrentRep me;

    public ErasureResource(ErasureService erasure, CurrentRep me) {
        this.erasure = erasure;
        this.me = me;
    }

    @DELETE
    @Path("/contacts/{id}")
    public ErasureView eraseContact(@PathParam("id") long id, @QueryParam("reason") @Size(max = 500) String reason) {
        return erasure.eraseContact(me.get(), id, reason);
    }

    @DELETE
    @Path("/accounts/{id}")
    public ErasureView eraseAccount(@PathParam("id") long id, @QueryParam("reason") @Size(max = 500) String reason) {
        return erasure.eraseAccount(me.get(), id, reason);
    }
}
