package io.closeloop.agents.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads {@link DealFeatures} for many deals in one query (training) or for a few (scoring). */
@ApplicationScoped
public class DealFeatureReader {

    private static final String WINDOW = "i.account_id = d.account_id and i.occurred_at >= d.created_at and i.occurred_at < d.created_at + interval '30 days'";
    private static final String SELECT = "select d.id, d.stage, a.tier, a.industry, coalesce(d.amount, 0),"
            + " exists (select 1 from deal p where p.account_id = d.account_id and p.stage = 'CLOSED_WON' and p.created_at < d.created_at),"
            + " (select count(*) from interaction i where " + WINDOW + " and i.direction = 'INBOUND'),"
            + " (select count(*) from interaction i where " + WINDOW + " and i.direction = 'OUTBOUND'),"
            + " (select count(*) from interaction i where " + WINDOW + " and i.channel = 'MEETING'),"
            + " (select coalesce(string_agg(cast(x.id as text), ',' order by x.occurred_at desc), '') from"
            + "   (select i.id, i.occurred_at from interaction i where " + WINDOW + " order by i.occurred_at desc limit 5) x)"
            + " from deal d join account a on a.id = d.account_id";

    private final EntityManager em;

    public DealFeatureReader(EntityManager em) {
        this.em = em;
    }

    /** Every closed deal but renewals (the training set: new business and expansions). */
    List<DealFeatures> closed() {
        return read(em.createNativeQuery(SELECT + " where d.stage in ('CLOSED_WON', 'CLOSED_LOST') and not " + Renewals.IS_RENEWAL + " order by d.id").getResultList());
    }

    List<DealFeatures> of(List<Long> dealIds) {
        if (dealIds.isEmpty()) {
            return List.of();
        }
        return read(em.createNativeQuery(SELECT + " where d.id in (:ids) order by d.id").setParameter("ids", dealIds).getResultList());
    }

    @SuppressWarnings("rawtypes")
    private static List<DealFeatures> read(List rows) {
        List<DealFeatures> out = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String ids = (String) r[9];
            out.add(new DealFeatures(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], ((BigDecimal) r[4]).doubleValue(),
                    (Boolean) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                    ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList()));
        }
        return out;
    }
}
