package io.closeloop.router.report;

import io.closeloop.actions.report.ReportFilter;
import io.closeloop.actions.report.ReportScope;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.router.config.RouterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the routing report from {@code route_decision} (answered requests only) and the LLM's
 * actual spend from {@code llm_call}. Managers see their team, admins everything (or one team),
 * reps nothing: the scope is decided here, not by the caller, and the filters ({@code team},
 * {@code rep}, {@code agent}) only narrow it ({@link ReportScope#check}). A route decision has no
 * agent, so {@code agent} narrows the LLM spend only. An LLM call belongs to the rep who asked, or
 * when none did (a signal's draft) to the owner of its account.
 */
@ApplicationScoped
public class RoutingReportService {

    static final int MAX_DAYS = 366;

    /** An LLM call's rep and team: the rep who asked, else the account's owner. */
    private static final String LLM_CALLS = """
             from llm_call l left join account ac on ac.id = l.account_id
             left join rep r on r.id = coalesce(l.rep_id, ac.owner_id)
             where l.created_at >= :from and l.created_at < :to""";

    private final EntityManager entityManager;
    private final RouterConfig config;
    private final ReportScope reportScope;

    public RoutingReportService(EntityManager entityManager, RouterConfig config, ReportScope reportScope) {
        this.entityManager = entityManager;
        this.config = config;
        this.reportScope = reportScope;
    }

    /** The report of {@code from}..{@code to} (UTC days, both included; default the last 30 days). */
    @Transactional
    public RoutingReport report(Rep caller, LocalDate from, LocalDate to, Long teamId, Long repId, String agent) {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after 'to'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalidField("from", "the period may span at most " + MAX_DAYS + " days");
        }
        Long team = scope(caller, teamId);
        reportScope.check(caller, new ReportFilter(teamId, repId, agent, null, null));
        Map<String, Object> params = new HashMap<>();
        params.put("from", start.atStartOfDay().atOffset(ZoneOffset.UTC));
        params.put("to", end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        String where = " where answer_mode is not null and created_at >= :from and created_at < :to";
        String llmWhere = LLM_CALLS;
        if (team != null) {
            params.put("team", team);
            where += " and team_id = :team";
            llmWhere += " and r.team_id = :team";
        }
        if (repId != null) {
            params.put("rep", repId);
            where += " and rep_id = :rep";
            llmWhere += " and r.id = :rep";
        }
        String decisionsWhere = where;
        String llmCallsWhere = llmWhere;
        if (agent != null) {
            params.put("agent", agent);
            llmCallsWhere += " and l.agent = :agent";
        }

        Object[] total = (Object[]) query(("select count(*), count(*) filter (where answer_mode <> 'LLM'),"
                + " avg(llm_tokens) filter (where answer_mode = 'LLM' and llm_tokens is not null) from route_decision" + decisionsWhere), params)
                .getSingleResult();
        List<RoutingReport.IntentShare> perIntent = rows("select intent, count(*), count(*) filter (where answer_mode <> 'LLM')"
                + " from route_decision" + decisionsWhere + " group by intent order by count(*) desc, intent", params).stream()
                .map(r -> new RoutingReport.IntentShare((String) r[0], RoutingReport.Share.of(n(r[1]), n(r[2])))).toList();
        List<RoutingReport.DayShare> perDay = rows("select cast(date_trunc('day', created_at at time zone 'UTC') as date), count(*),"
                + " count(*) filter (where answer_mode <> 'LLM') from route_decision" + decisionsWhere + " group by 1 order by 1", params)
                .stream().map(r -> new RoutingReport.DayShare(day(r[0]), RoutingReport.Share.of(n(r[1]), n(r[2]))))
                .toList();

        String spend = "count(*), count(*) filter (where l.outcome = 'ERROR'), coalesce(sum(l.tokens_in), 0),"
                + " coalesce(sum(l.tokens_out), 0), coalesce(sum(l.cost), 0)";
        RoutingReport.LlmSpend llm = spend((Object[]) query(("select " + spend + llmCallsWhere), params)
                .getSingleResult(), 0);
        List<RoutingReport.LlmSpendRow> llmRows = rows("select to_char(date_trunc('week', l.created_at at time zone 'UTC'), 'IYYY-\"W\"IW'),"
                + " l.role, " + spend + llmCallsWhere + " group by 1, 2 order by 1, 2", params).stream()
                .map(r -> new RoutingReport.LlmSpendRow((String) r[0], (String) r[1], spend(r, 2))).toList();

        RoutingReport.Share share = RoutingReport.Share.of(n(total[0]), n(total[1]));
        boolean measured = total[2] != null;
        long tokensPerAnswer = measured ? Math.round(((Number) total[2]).doubleValue()) : config.report().tokensPerLlmAnswer();
        long tokensSaved = share.withoutLlm() * tokensPerAnswer;
        BigDecimal price = config.report().pricePerMillionTokens();
        BigDecimal saved = price.multiply(BigDecimal.valueOf(tokensSaved)).divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        String scope = (team == null ? "all teams" : "team " + team) + (repId == null ? "" : ", rep " + repId)
                + (agent == null ? "" : ", agent " + agent + " (LLM spend only)");
        return new RoutingReport(scope, start, end, share, perIntent, perDay, tokensPerAnswer, measured, price, tokensSaved, saved,
                llm, llmRows);
    }

    /** The team the caller may see: a manager their own, an admin any (null = all), a rep none. */
    private static Long scope(Rep caller, Long teamId) {
        RepRole role = caller.roleEnum();
        if (role == RepRole.ADMIN) {
            return teamId;
        }
        if (role == RepRole.MANAGER && caller.teamId() != null) {
            if (teamId != null && !teamId.equals(caller.teamId())) {
                throw ProblemException.forbidden("Managers see the routing report of their own team only");
            }
            return caller.teamId();
        }
        throw ProblemException.forbidden("The routing report is for managers and admins");
    }

    private static RoutingReport.LlmSpend spend(Object[] r, int at) {
        BigDecimal cost = r[at + 4] instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(r[at + 4]));
        return new RoutingReport.LlmSpend(n(r[at]), n(r[at + 1]), n(r[at + 2]), n(r[at + 3]), cost.setScale(6, RoundingMode.HALF_UP));
    }

    /** A native query with those of the parameters its SQL names. */
    private Query query(String sql, Map<String, Object> params) {
        Query query = entityManager.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        return query(sql, params).getResultList();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
