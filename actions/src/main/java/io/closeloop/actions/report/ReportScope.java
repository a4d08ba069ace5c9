package io.closeloop.actions.report;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reports are for managers (their team's actions) and admins (all); a SQL condition over action alias {@code a}. */
@ApplicationScoped
public class ReportScope {

    public String actionsOf(Rep viewer) {
        return switch (viewer.roleEnum()) {
            case ADMIN -> "true";
            case MANAGER -> {
                long team = viewer.teamId() == null ? -1L : viewer.teamId();
                yield "(a.team_id = " + team + " or a.owner_id in (select id from rep where team_id = " + team + "))";
            }
            case REP -> throw ProblemException.forbidden("Reports are for managers and admins");
        };
    }
}
