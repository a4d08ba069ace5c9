package io.closeloop.router.report;

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
import java.util.List;

/**
 * Builds the routing report from {@code route_decision} (answered requests only). Managers see
 * their team, admins everything (or one team), reps nothing: the scope is decided here, not by
 * the caller.
 */
@ApplicationScoped
public class RoutingReportService {

    static final int MAX_DAYS = 366;

    private final EntityManager entityManager;
    private final RouterConfig config;

    public RoutingReportService(EntityManager entityManager, RouterConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public RoutingReport report(Rep caller, LocalDate from, LocalDate to, Long teamId) {
        LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after 'to'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.invalidField("from", "the period may span at most " + MAX_DAYS + " days");
        }
        Long team = scope(caller, teamId);
        String where = " where answer_mode is not null and created_at >= ?1 and created_at < ?2"
                + (team == null ? "" : " and team_id = ?3");

        Object[] total = (Object[]) bind(entityManager.createNativeQuery("select count(*), count(*) filter (where answer_mode <> 'LLM'),"
                + " avg(llm_tokens) filter (where answer_mode = 'LLM' and llm_tokens is not null) from route_decision" + where), start, end, team)
                .getSingleResult();
        List<RoutingReport.IntentShare> perIntent = rows("select intent, count(*), count(*) filter (where answer_mode <> 'LLM')"
                + " from route_decision" + where + " group by intent order by count(*) desc, intent", start, end, team).stream()
                .map(r -> new RoutingReport.IntentShare((String) r[0], RoutingReport.Share.of(n(r[1]), n(r[2])))).toList();
        List<RoutingReport.DayShare> perDay = rows("select cast(date_trunc('day', created_at at time zone 'UTC') as date), count(*),"
                + " count(*) filter (where answer_mode <> 'LLM') from route_decision" + where + " group by 1 order by 1", start, end, team)
                .stream().map(r -> new RoutingReport.DayShare(day(r[0]), RoutingReport.Share.of(n(r[1]), n(r[2]))))
                .toList();

        RoutingReport.Share share = RoutingReport.Share.of(n(total[0]), n(total[1]));
        boolean measured = total[2] != null;
        long tokensPerAnswer = measured ? Math.round(((Number) total[2]).doubleValue()) : config.report().tokensPerLlmAnswer();
        long tokensSaved = share.withoutLlm() * tokensPerAnswer;
        BigDecimal price = config.report().pricePerMillionTokens();
        BigDecimal saved = price.multiply(BigDecimal.valueOf(tokensSaved)).divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
        String scope = team == null ? "all teams" : "team " + team;
        return new RoutingReport(scope, start, end, share, perIntent, perDay, tokensPerAnswer, measured, price, tokensSaved, saved);
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

    private Query bind(Query query, LocalDate start, LocalDate end, Long team) {
        query.setParameter(1, start.atStartOfDay().atOffset(ZoneOffset.UTC));
        query.setParameter(2, end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        if (team != null) {
            query.setParameter(3, team);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate start, LocalDate end, Long team) {
        return bind(entityManager.createNativeQuery(sql), start, end, team).getResultList();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
