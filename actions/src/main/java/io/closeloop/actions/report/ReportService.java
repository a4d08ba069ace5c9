package io.closeloop.actions.report;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The manager reports over actions, feedback and outcomes, computed in PostgreSQL and limited
 * to what the viewer may see ({@link ReportScope}) and narrowed by a {@link ReportFilter} (team, rep,
 * agent, and a time window of drafting dates).
 */
@ApplicationScoped
public class ReportService {

    /** The groupings of the decision report and their SQL. */
    static final Map<String, String> GROUPS = Map.of(
            "agent", "a.agent",
            "type", "a.type",
            "rep", "coalesce(r.username, '(team queue)')",
            "team", "coalesce(t.name, '(none)')",
            "week", "to_char(date_trunc('week', a.created_at at time zone 'UTC'), 'IYYY-\"W\"IW')");

    private final EntityManager em;
    private final ReportScope scope;

    public ReportService(EntityManager em, ReportScope scope) {
        this.em = em;
        this.scope = scope;
    }

    /** Acceptance, edit and rejection rates of decided actions, grouped by agent, type, rep, team or week. */
    @Transactional
    public ReportTable decisions(Rep viewer, String by, ReportFilter filter) {
        String group = GROUPS.get(by);
        if (group == null) {
            throw ProblemException.invalidField("by", "must be one of " + GROUPS.keySet());
        }
        String sql = """
                select %s as grp, count(*) as decided,
                  count(*) filter (where f.kind = 'ACCEPTED') as accepted,
                  count(*) filter (where f.kind = 'EDITED') as edited,
                  count(*) filter (where f.kind = 'REJECTED') as rejected,
                  count(*) filter (where f.kind = 'EXPIRED') as expired,
                  avg(f.edit_distance) filter (where f.kind = 'EDITED') as mean_edit_distance
                from action a join feedback f on f.action_id = a.id
                left join rep r on r.id = a.owner_id left join team t on t.id = a.team_id
                where %s and a.created_at >= :from and a.created_at < :to
                group by 1 order by 1""".formatted(group, scope.actionsOf(viewer, filter));
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] r : query(sql, filter)) {
            long decided = num(r[1]);
            rows.add(Arrays.asList(r[0], decided, num(r[2]), num(r[3]), num(r[4]), num(r[5]),
                    rate(num(r[2]) + num(r[3]), decided), rate(num(r[3]), decided), rate(num(r[4]), decided),
                    r[6] == null ? null : round(((Number) r[6]).doubleValue())));
        }
        return new ReportTable("decisions-by-" + by, List.of(by, "decided", "accepted", "edited", "rejected", "expired",
                "acceptanceRate", "editRate", "rejectionRate", "meanEditDistance"), rows);
    }

    /** The newest decided actions (at most 200), with who owned them, the agent and the decision: the page's drill-down list. */
    @Transactional
    public ReportTable decided(Rep viewer, ReportFilter filter) {
        String sql = """
                select a.id, f.at, coalesce(r.full_name, '(team queue)'), a.type, a.subject, a.agent, f.kind, f.reason_code, a.status
                from action a join feedback f on f.action_id = a.id left join rep r on r.id = a.owner_id
                where %s and a.created_at >= :from and a.created_at < :to
                order by f.at desc, a.id desc limit 200""".formatted(scope.actionsOf(viewer, filter));
        List<List<Object>> rows = query(sql, filter).stream()
                .map(r -> Arrays.<Object>asList(num(r[0]), instant(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8])).toList();
        return new ReportTable("decided-actions", List.of("actionId", "decidedAt", "rep", "type", "subject", "agent", "decision",
                "reason", "status"), rows);
    }

    /** Rejection reasons, most frequent first. */
    @Transactional
    public ReportTable rejectionReasons(Rep viewer, ReportFilter filter) {
        String sql = """
                select f.reason_code, count(*) from action a join feedback f on f.action_id = a.id
                where f.kind = 'REJECTED' and %s and a.created_at >= :from and a.created_at < :to
                group by 1 order by 2 desc, 1""".formatted(scope.actionsOf(viewer, filter));
        List<List<Object>> rows = query(sql, filter).stream().map(r -> Arrays.<Object>asList(r[0], num(r[1]))).toList();
        return new ReportTable("rejection-reasons", List.of("reason", "count"), rows);
    }

    /** How often each guardrail rule fired on drafted actions, and the verdicts it led to. */
    @Transactional
    public ReportTable guardrailHits(Rep viewer, ReportFilter filter) {
        String sql = """
                select rule, count(*), count(*) filter (where a.guardrail_verdict = 'BLOCK'),
                  count(*) filter (where a.guardrail_verdict = 'NEEDS_APPROVAL')
                from action a cross join lateral unnest(a.guardrail_rules) as rule
                where %s and a.created_at >= :from and a.created_at < :to
                group by 1 order by 2 desc, 1""".formatted(scope.actionsOf(viewer, filter));
        List<List<Object>> rows = query(sql, filter).stream()
                .map(r -> Arrays.<Object>asList(r[0], num(r[1]), num(r[2]), num(r[3]))).toList();
        return new ReportTable("guardrail-hits", List.of("rule", "hits", "blocked", "needsApproval"), rows);
    }

    /** Outcome rates of accepted (incl. edited) versus rejected actions. */
    @Transactional
    public ReportTable outcomes(Rep viewer, ReportFilter filter) {
        String sql = """
                select case when f.kind in ('ACCEPTED', 'EDITED') then 'accepted' else f.kind::text end as decision,
                  count(distinct a.id),
                  count(distinct o.action_id),
                  count(distinct o.action_id) filter (where o.kind = 'CUSTOMER_REPLIED'),
                  count(distinct o.action_id) filter (where o.kind = 'DEAL_STAGE_MOVED'),
                  count(distinct o.action_id) filter (where o.kind = 'DEAL_WON'),
                  count(distinct o.action_id) filter (where o.kind = 'DEAL_LOST')
                from action a join feedback f on f.action_id = a.id
                left join action_outcome o on o.action_id = a.id
                where f.kind in ('ACCEPTED', 'EDITED', 'REJECTED') and %s and a.created_at >= :from and a.created_at < :to
                group by 1 order by 1""".formatted(scope.actionsOf(viewer, filter));
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] r : query(sql, filter)) {
            long n = num(r[1]);
            rows.add(Arrays.asList(String.valueOf(r[0]).toLowerCase(), n, num(r[2]), rate(num(r[2]), n), rate(num(r[3]), n),
                    rate(num(r[4]), n), rate(num(r[5]), n), rate(num(r[6]), n)));
        }
        return new ReportTable("outcomes", List.of("decision", "actions", "withOutcome", "outcomeRate", "repliedRate",
                "stageMovedRate", "wonRate", "lostRate"), rows);
    }

    /** Event-to-queued-draft latency of event-driven drafts, in milliseconds. */
    @Transactional
    public ReportTable latency(Rep viewer, ReportFilter filter) {
        String sql = """
                select count(*),
                  percentile_cont(0.5) within group (order by ms), percentile_cont(0.95) within group (order by ms),
                  percentile_cont(0.99) within group (order by ms), max(ms)
                from (select extract(epoch from (a.queued_at - a.event_at)) * 1000 as ms from action a
                      where a.event_at is not null and a.queued_at is not null and %s
                        and a.created_at >= :from and a.created_at < :to) l""".formatted(scope.actionsOf(viewer, filter));
        Object[] r = query(sql, filter).get(0);
        List<Object> row = Arrays.asList(num(r[0]), ms(r[1]), ms(r[2]), ms(r[3]), ms(r[4]));
        return new ReportTable("event-to-draft-latency", List.of("drafts", "p50Ms", "p95Ms", "p99Ms", "maxMs"), List.of(row));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, ReportFilter filter) {
        Query query = em.createNativeQuery(sql).setParameter("from", Timestamp.from(filter.from()))
                .setParameter("to", Timestamp.from(filter.to()));
        if (filter.agent() != null) {
            query.setParameter("agent", filter.agent());
        }
        return query.getResultList();
    }

    private static String instant(Object o) {
        return o instanceof Timestamp t ? t.toInstant().toString() : o instanceof java.time.OffsetDateTime d ? d.toInstant().toString()
                : o instanceof java.time.Instant i ? i.toString() : String.valueOf(o);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double ms(Object o) {
        return o == null ? null : round(((Number) o).doubleValue());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
