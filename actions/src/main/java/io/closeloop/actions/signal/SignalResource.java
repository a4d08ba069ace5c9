package io.closeloop.actions.signal;

import io.closeloop.actions.report.ReportFilter;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code /api/signals}: the caller's signal feed — transitions of the accounts they may see
 * ({@link AccountScope}: a rep their own and those shared with their team, a manager their team's,
 * an admin all), newest first, paged, optionally for one account; and {@code /api/signals/stream},
 * the same feed pushed as transitions commit.
 */
@Path("/api/signals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SignalResource {

    static final int MAX_SIZE = 200;

    private final EntityManager em;
    private final AccountScope scope;
    private final CurrentRep me;
    private final SignalFeed feed;

    public SignalResource(EntityManager em, AccountScope scope, CurrentRep me, SignalFeed feed) {
        this.em = em;
        this.scope = scope;
        this.me = me;
        this.feed = feed;
    }

    /** {@code ?account=ID} (404 when not visible), {@code ?page=0&size=50} (size at most 200). */
    @GET
    @Transactional
    public Page<SignalView> list(@QueryParam("account") String account, @QueryParam("page") @DefaultValue("0") String page,
            @QueryParam("size") @DefaultValue("50") String size) {
        Rep viewer = me.get();
        Long accountId = ReportFilter.id("account", account);
        int pageNo = number("page", page, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, 1, MAX_SIZE);
        if (accountId != null) {
            scope.require(viewer, accountId); // 404 for an account the caller may not see, as everywhere
        }
        String where = " from signal_transition t join account ac on ac.id = t.account_id where t.account_id in ("
                + scope.visibleAccountIdsSql(viewer) + ")" + (accountId == null ? "" : " and t.account_id = :account");
        Query count = em.createNativeQuery("select count(*)" + where);
        Query rows = em.createNativeQuery("select t.id, t.kind, t.account_id, ac.name, t.deal_id, t.activated, t.score, t.source_key,"
                + " t.event_at, t.at, (select x.id from action x where x.dedupe_key = 'signal:' || t.id)" + where
                + " order by t.at desc, t.id desc limit :size offset :offset")
                .setParameter("size", pageSize).setParameter("offset", (long) pageNo * pageSize);
        if (accountId != null) {
            count.setParameter("account", accountId);
            rows.setParameter("account", accountId);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        List<SignalView> items = result.stream().map(r -> new SignalView(n(r[0]), SignalKind.valueOf((String) r[1]), n(r[2]), (String) r[3],
                n(r[4]) == 0 ? null : n(r[4]), (Boolean) r[5], ((Number) r[6]).doubleValue(), (String) r[7], instant(r[8]), instant(r[9]),
                r[10] == null ? null : n(r[10]))).toList();
        return new Page<>(items, pageNo, pageSize, total);
    }

    /** New transitions of the caller's accounts, as they commit. */
    @GET
    @Path("/stream")
    @Blocking // resolving the caller reads the database; the stream itself does not block
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SignalView> stream() {
        return feed.stream(me.get());
    }

    private static int number(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a whole number from " + min + " to " + max);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        return o instanceof Timestamp t ? t.toInstant() : o instanceof OffsetDateTime d ? d.toInstant() : (Instant) o;
    }
}
