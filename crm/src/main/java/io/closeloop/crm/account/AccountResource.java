package io.closeloop.crm.account;

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

/** {@code /api/accounts}: the accounts the caller may see. */
@Path("/api/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final CurrentRep me;

    public AccountResource(AccountService accounts, CurrentRep me) {
        this.accounts = accounts;
        this.me = me;
    }

    @GET
    public Page<AccountView> list(@QueryParam("q") String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return accounts.list(me.get(), query, page, size);
    }

    @GET
    @Path("/{id}")
    public AccountView get(@PathParam("id") Long id) {
        return accounts.get(me.get(), id);
    }

    @POST
    public Response create(@NotNull @Valid AccountInput input) {
        AccountView created = accounts.create(me.get(), input);
        return Response.created(URI.create("/api/accounts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    public AccountView update(@PathParam("id") Long id, @NotNull @Valid AccountInput input) {
        return accounts.update(me.get(), id, input);
    }
}
