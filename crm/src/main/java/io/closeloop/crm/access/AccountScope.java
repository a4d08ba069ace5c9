package io.closeloop.crm.access;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may see and change which accounts. The single source of the ownership rule, applied in
 * queries (so lists never contain what a user may not see) and on every single-record access:
 * <ul>
 * <li>a REP sees the accounts they own and those shared with their team;</li>
 * <li>a MANAGER sees every account owned by a member of their team and those shared with it;</li>
 * <li>an ADMIN sees everything.</li>
 * </ul>
 * Contacts, deals, tasks and interactions inherit the visibility of their account.
 */
@ApplicationScoped
public class AccountScope {

    /** A JPQL condition with its named parameters. */
    public record Condition(String jpql, Map<String, Object> params) {
    }

    /** Condition over the account alias {@code a} (e.g. "a" or "d.account"). */
    public Condition visibleTo(Rep viewer, String a) {
        Map<String, Object> params = new HashMap<>();
        RepRole role = viewer.roleEnum();
        if (role == RepRole.ADMIN) {
            return new Condition("1 = 1", params);
        }
        String shared = "exists (select 1 from Account sa join sa.sharedWith st where sa = " + a + " and st.id = :scopeTeam)";
        Long team = viewer.teamId();
        params.put("scopeTeam", team == null ? -1L : team);
        if (role == RepRole.MANAGER && team != null) {
            return new Condition("(" + a + ".owner.id in (select r.id from Rep r where r.team.id = :scopeTeam) or " + shared + ")", params);
        }
        params.put("scopeRep", viewer.id);
        return new Condition("(" + a + ".owner.id = :scopeRep or " + shared + ")", params);
    }

    /**
     * SQL subquery of the account ids the viewer may see, for native queries:
     * {@code account_id in (<this>)}. Ids are numbers from the database, inlined safely.
     */
    public String visibleAccountIdsSql(Rep viewer) {
        RepRole role = viewer.roleEnum();
        if (role == RepRole.ADMIN) {
            return "select id from account";
        }
        long team = viewer.teamId() == null ? -1L : viewer.teamId();
        String shared = "select account_id from account_team_share where team_id = " + team;
        if (role == RepRole.MANAGER && viewer.teamId() != null) {
            return "select id from account where owner_id in (select id from rep where team_id = " + team + ") union " + shared;
        }
        return "select id from account where owner_id = " + viewer.id + " union " + shared;
    }

    public boolean canSee(Rep viewer, Account account) {
        return switch (viewer.roleEnum()) {
            case ADMIN -> true;
            case MANAGER -> viewer.teamId() != null && (isSharedWithTeam(viewer, account)
                    || account.owner != null && account.owner.team != null && viewer.teamId().equals(account.owner.team.id));
            case REP -> account.owner != null && viewer.id.equals(account.owner.id) || isSharedWithTeam(viewer, account);
        };
    }

    /** The account, or 404 when it does not exist or the viewer may not see it (no existence leak). */
    public Account require(Rep viewer, Long accountId) {
        Account account = accountId == null ? null : Account.findById(accountId);
        if (account == null || !canSee(viewer, account)) {
            throw ProblemException.notFound("Account", accountId);
        }
        return account;
    }

    /** Reassigning ownership is for managers (within their team) and admins. */
    public void checkCanAssign(Rep actor, Rep newOwner) {
        switch (actor.roleEnum()) {
            case ADMIN -> {
            }
            case MANAGER -> {
                if (newOwner.teamId() == null || !newOwner.teamId().equals(actor.teamId())) {
                    throw ProblemException.forbidden("Managers can assign only to members of their own team");
                }
            }
            case REP -> {
                if (!newOwner.id.equals(actor.id)) {
                    throw ProblemException.forbidden("Only a manager or an admin can assign records to someone else");
                }
            }
        }
    }

    private static boolean isSharedWithTeam(Rep viewer, Account account) {
        Long team = viewer.teamId();
        return team != null && account.sharedWith.stream().anyMatch(t -> team.equals(t.id));
    }
}
