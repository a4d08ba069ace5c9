package io.closeloop.actions.signal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds open deals without activity (no change to the deal, no interaction that named it) for
 * longer than {@code closeloop.signals.stalled-after} and turns their STALLED_DEAL signal on,
 * which drafts a follow-up task. Deals are locked while checked, so instances never double up.
 */
@ApplicationScoped
public class StalledDealCheck {

    private final EntityManager em;
    private final SignalStates states;
    private final SignalActions actions;
    private final SignalConfig config;

    public StalledDealCheck(EntityManager em, SignalStates states, SignalActions actions, SignalConfig config) {
        this.em = em;
        this.states = states;
        this.actions = actions;
        this.config = config;
    }

    @Scheduled(every = "${closeloop.signals.stalled-check-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(Instant.now());
    }

    /** Checks every open deal as of {@code now}; returns the ids of the actions drafted. */
    public List<Long> check(Instant now) {
        Instant cutoff = now.minus(config.stalledAfter());
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> stalled = em.createNativeQuery("""
                    select d.id, d.account_id, greatest(d.updated_at, coalesce(s.updated_at, d.updated_at)) as last_activity
                    from deal d
                    left join signal_state s on s.deal_id = d.id and s.kind = 'STALLED_DEAL'
                    where d.stage not in ('CLOSED_WON', 'CLOSED_LOST')
                      and coalesce(s.active, false) = false
                      and greatest(d.updated_at, coalesce(s.updated_at, d.updated_at)) < :cutoff
                    order by d.id
                    for update of d skip locked""").setParameter("cutoff", cutoff).getResultList();
            List<Long> drafted = new ArrayList<>();
            for (Object[] row : stalled) {
                long dealId = ((Number) row[0]).longValue();
                long accountId = ((Number) row[1]).longValue();
                Instant last = instant(row[2]);
                String key = "stalled:" + dealId + ":" + LocalDate.ofInstant(last, ZoneOffset.UTC);
                states.set(accountId, dealId, SignalKind.STALLED_DEAL, 1.0, key, now)
                        .filter(t -> t.activated)
                        .ifPresent(t -> drafted.add(actions.draft(t, null, LocalDate.ofInstant(last, ZoneOffset.UTC).toString()).id));
            }
            return drafted;
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
