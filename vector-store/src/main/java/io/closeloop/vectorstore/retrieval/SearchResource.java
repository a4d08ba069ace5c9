package io.closeloop.vectorstore.retrieval;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.InteractionView;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Retrieval over {@code /api/interactions}: {@code search} (semantic or hybrid), an
 * interaction's {@code similar} ones, and an account's {@code timeline}; always within what the
 * caller may see.
 */
@Path("/api/interactions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final InteractionSearch search;
    private final CurrentRep me;

    public SearchResource(InteractionSearch search, CurrentRep me) {
        this.search = search;
        this.me = me;
    }

    @GET
    @Path("/search")
    public List<SearchHit> search(@QueryParam("q") String q, @QueryParam("mode") @DefaultValue("hybrid") String mode,
            @QueryParam("k") @DefaultValue("10") int k, @QueryParam("accountId") Long accountId,
            @QueryParam("contactId") Long contactId, @QueryParam("dealId") Long dealId, @QueryParam("channel") String channel,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        SearchFilter filter = new SearchFilter(accountId, contactId, dealId, channel(channel), time("from", from), time("to", to));
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "semantic" -> search.semantic(me.get(), q, filter, k);
            case "hybrid" -> search.hybrid(me.get(), q, filter, k);
            default -> throw ProblemException.invalidField("mode", "must be semantic or hybrid");
        };
    }

    @GET
    @Path("/{id}/similar")
    public List<SearchHit> similar(@PathParam("id") long id, @QueryParam("k") @DefaultValue("10") int k,
            @QueryParam("accountId") Long accountId) {
        return search.similar(me.get(), id, SearchFilter.account(accountId), k);
    }

    @GET
    @Path("/timeline")
    public Page<InteractionView> timeline(@QueryParam("accountId") Long accountId, @QueryParam("channel") String channel,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (accountId == null) {
            throw ProblemException.invalidField("accountId", "is required");
        }
        return search.timeline(me.get(), accountId, new SearchFilter(accountId, null, null, channel(channel), time("from", from),
                time("to", to)), page, size);
    }

    private static Channel channel(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("channel", "must be one of " + java.util.Arrays.toString(Channel.values()));
        }
    }

    private static Instant time(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "is not an ISO-8601 date-time with offset");
        }
    }
}
