package io.closeloop.agents.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads {@link ChurnFeatures} in one query: for every closed renewal (training) or for a few accounts now (scoring). */
@ApplicationScoped
public class ChurnFeatureReader {

    private static final String INBOUND = "i.account_id = t.account_id and i.direction = 'INBOUND' and i.occurred_at < t.cutoff";
    private static final String MENTIONS = "i.account_id = t.account_id and i.direction <> 'OUTBOUND' and i.occurred_at < t.cutoff"
            + " and i.occurred_at >= t.cutoff - interval '" + ChurnFeatures.MENTION_DAYS + " days'"
            + " and (coalesce(i.subject, '') || ' ' || i.body) ~* ";
    private static final String SELECT;

    static {
        StringBuilder s = new StringBuilder("select t.account_id, t.deal_id, t.label, t.cutoff,"
                + " (select extract(epoch from (t.cutoff - max(i.occurred_at))) / 86400 from interaction i where " + INBOUND + "),"
                + " (select i.id from interaction i where " + INBOUND + " order by i.occurred_at desc, i.id desc limit 1),"
                + " (select count(*) from interaction i where " + INBOUND + " and i.occurred_at >= t.cutoff - interval '30 days'),"
                + " (select count(*) from interaction i where " + INBOUND + " and i.occurred_at >= t.cutoff - interval '90 days'"
                + "   and i.occurred_at < t.cutoff - interval '30 days'),"
                + " (select count(*) from deal d where d.account_id = t.account_id and not " + Renewals.IS_RENEWAL
                + "   and exists (select 1 from deal_stage_history h where h.deal_id = d.id and h.to_stage = 'CLOSED_WON' and h.changed_at < t.cutoff))");
        for (ChurnSignal signal : ChurnSignal.values()) {
            s.append(", (select coalesce(string_agg(cast(i.id as text), ',' order by i.occurred_at desc, i.id desc), '') from interaction i where ")
                    .append(MENTIONS).append(':').append(signal.key).append(')');
        }
        SELECT = s.append(" from t order by t.account_id, t.cutoff").toString();
    }

    private final EntityManager em;

    public ChurnFeatureReader(EntityManager em) {
        this.em = em;
    }

    /** Every closed renewal, as the account looked {@value ChurnFeatures#HORIZON_DAYS} days before it closed (the training set). */
    List<ChurnFeatures> closedRenewals() {
        return read(em.createNativeQuery("with t as (select d.id as deal_id, d.account_id, d.stage as label,"
                + " cast(d.close_date as timestamptz) - interval '" + ChurnFeatures.HORIZON_DAYS + " days' as cutoff from deal d"
                + " where d.stage in ('CLOSED_WON', 'CLOSED_LOST') and d.close_date is not null and " + Renewals.IS_RENEWAL + ") " + SELECT));
    }

    /** The accounts as they are at {@code now}. */
    List<ChurnFeatures> of(List<Long> accountIds, Instant now) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        Query q = em.createNativeQuery("with t as (select cast(null as bigint) as deal_id, a.id as account_id, cast(null as text) as label,"
                + " cast(:now as timestamptz) as cutoff from account a where a.id in (:ids)) " + SELECT)
                .setParameter("ids", accountIds).setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return read(q);
    }

    @SuppressWarnings("rawtypes")
    private static List<ChurnFeatures> read(Query query) {
        for (ChurnSignal signal : ChurnSignal.values()) {
            query.setParameter(signal.key, signal.pattern);
        }
        List rows = query.getResultList();
        List<ChurnFeatures> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Map<ChurnSignal, List<Long>> mentions = new EnumMap<>(ChurnSignal.class);
            ChurnSignal[] signals = ChurnSignal.values();
            for (int k = 0; k < signals.length; k++) {
                String ids = (String) r[9 + k];
                mentions.put(signals[k], ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
            }
            out.add(new ChurnFeatures(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2],
                    instant(r[3]), r[4] == null ? null : ((Number) r[4]).doubleValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                    ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), mentions, ((Number) r[8]).intValue()));
        }
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
