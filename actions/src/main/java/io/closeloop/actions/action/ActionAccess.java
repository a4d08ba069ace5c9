package io.closeloop.actions.action;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Who sees and decides which actions, on top of the ownership rule ({@link AccountScope}):
 * a rep the actions in their queue and in their team's queue (unowned accounts); a manager
 * every action of their team, and only a manager (or an admin) approves NEEDS_APPROVAL;
 * an admin everything.
 */
@ApplicationScoped
public class ActionAccess {

    private final AccountScope scope;

    public ActionAccess(AccountScope scope) {
        this.scope = scope;
    }

    /** JPQL condition over the action alias {@code x} and its left-joined owner {@code o}, with its parameters. */
    public AccountScope.Condition visibleTo(Rep viewer) {
        Map<String, Object> params = new HashMap<>();
        Long team = viewer.teamId() == null ? -1L : viewer.teamId();
        return switch (viewer.roleEnum()) {
            case ADMIN -> new AccountScope.Condition("1 = 1", params);
            case MANAGER -> {
                params.put("accessTeam", team);
                yield new AccountScope.Condition("(x.team.id = :accessTeam or o.team.id = :accessTeam)", params);
            }
            case REP -> {
                AccountScope.Condition accounts = scope.visibleTo(viewer, "x.account");
                params.putAll(accounts.params());
                params.put("accessRep", viewer.id);
                params.put("accessTeam", team);
                yield new AccountScope.Condition("(o.id = :accessRep or (o.id is null and x.team.id = :accessTeam and "
                        + accounts.jpql() + "))", params);
            }
        };
    }

    public boolean canSee(Rep viewer, Action action) {
        Long team = viewer.teamId();
        return switch (viewer.roleEnum()) {
            case ADMIN -> true;
            case MANAGER -> team != null && (action.team != null && team.equals(action.team.id)
                    || action.owner != null && action.owner.team != null && team.equals(action.owner.team.id));
            case REP -> action.owner != null && action.owner.id.equals(viewer.id)
                    || action.owner == null && action.team != null && action.team.id.equals(team)
                            && (action.account == null || scope.canSee(viewer, action.account));
        };
    }

    /** The action, or 404 when it does not exist or the viewer may not see it. */
    public Action require(Rep viewer, Long id) {
        Action action = id == null ? null : Action.findById(id);
        if (action == null || !canSee(viewer, action)) {
            throw ProblemException.notFound("Action", id);
        }
        return action;
    }

    /** Approving what the guardrails sent for approval is for the team's manager or an admin. */
    public void checkCanApproveAsManager(Rep viewer, Action action) {
        if (viewer.roleEnum() == RepRole.REP) {
            throw ProblemException.forbidden("Action " + action.id + " needs a manager's approval first");
        }
    }
}
