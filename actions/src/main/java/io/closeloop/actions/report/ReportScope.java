package io.closeloop.actions.report;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;

/**
 * Who sees which report rows: managers their team's, admins all, reps none. A filter is always
 * intersected with that scope; a manager who names another team, or a rep outside their team
 * (or one that does not exist: the two are not told apart), gets 403 rather than an empty
 * report, so a filter that cannot apply is never mistaken for "nothing happened".
 */
@ApplicationScoped
public class ReportScope {

    private final EntityManager em;

    public ReportScope(EntityManager em) {
        this.em = em;
    }

    /** SQL condition over action alias {@code a} of the actions the viewer may see. */
    public String actionsOf(Rep viewer) {
        return switch (viewer.roleEnum()) {
            case ADMIN -> "true";
            case MANAGER -> teamActions(viewer.teamId() == null ? -1L : viewer.teamId());
            case REP -> throw ProblemException.forbidden("Reports are for managers and admins");
        };
    }

    /** SQL condition over action alias {@code a}: the viewer's scope and the filter ({@code :agent} bound by the caller). */
    public String actionsOf(Rep viewer, ReportFilter filter) {
        check(viewer, filter);
        StringBuilder where = new StringBuilder(actionsOf(viewer));
        if (filter.team() != null) {
            where.append(" and ").append(teamActions(filter.team()));
        }
        if (filter.rep() != null) {
            where.append(" and a.owner_id = ").append(filter.rep());
        }
        if (filter.agent() != null) {
            where.append(" and a.agent = :agent");
        }
        return where.toString();
    }

    /**
     * Refuses a filter outside the viewer's scope: reps always; managers naming another team or a
     * rep who is not a member of their team.
     */
    public void check(Rep viewer, ReportFilter filter) {
        switch (viewer.roleEnum()) {
            case ADMIN -> {
            }
            case REP -> throw ProblemException.forbidden("Reports are for managers and admins");
            case MANAGER -> {
                Long team = viewer.teamId();
                if (filter.team() != null && !filter.team().equals(team)) {
                    throw ProblemException.forbidden("Managers see the reports of their own team only; 'team' names another team");
                }
                if (filter.rep() != null && !Objects.equals(teamOfRep(filter.rep()), team)) {
                    throw ProblemException.forbidden("Managers see the reports of their own team only; 'rep' is not a member of it");
                }
            }
        }
    }

    private Long teamOfRep(long repId) {
        List<?> teams = em.createNativeQuery("select team_id from rep where id = :id").setParameter("id", repId).getResultList();
        return teams.isEmpty() || teams.get(0) == null ? null : ((Number) teams.get(0)).longValue();
    }

    private static String teamActions(long team) {
        return "(a.team_id = " + team + " or a.owner_id in (select id from rep where team_id = " + team + "))";
    }
}
