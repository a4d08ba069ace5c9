package io.closeloop.crm.account;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reading and changing accounts, always within what the acting user may see. */
@ApplicationScoped
public class AccountService {

    private final AccountScope scope;
    private final Outbox outbox;

    public AccountService(AccountScope scope, Outbox outbox) {
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional
    public Page<AccountView> list(Rep viewer, String query, int page, int size) {
        AccountScope.Condition visible = scope.visibleTo(viewer, "a");
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        String where = visible.jpql();
        if (query != null && !query.isBlank()) {
            where += " and (lower(a.name) like :q or a.domain like :q)";
            params.put("q", "%" + query.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = Account.find("select a from Account a where " + where + " order by a.name, a.id", params)
                .page(page, size);
        long total = Account.count("from Account a where " + where, params);
        return new Page<>(found.<Account>list().stream().map(AccountView::of).toList(), page, size, total);
    }

    @Transactional
    public AccountView get(Rep viewer, Long id) {
        return AccountView.of(scope.require(viewer, id));
    }

    @Transactional
    public AccountView create(Rep actor, AccountInput input) {
        input.requireName();
        Account account = new Account();
        account.rename(input.name());
        account.owner = actor;
        apply(actor, account, input);
        account.persist();
        outbox.publish("crm.account.created", Map.of("accountId", account.id, "by", actor.id));
        return AccountView.of(account);
    }

    @Transactional
    public AccountView update(Rep actor, Long id, AccountInput input) {
        Account account = scope.require(actor, id);
        checkVersion(input.version(), account.version, "Account", id);
        Map<String, Object> changes = apply(actor, account, input);
        if (input.name() != null && !input.name().isBlank() && !input.name().trim().equals(account.name)) {
            changes.put("name", input.name().trim());
            account.rename(input.name());
        } else if (input.name() != null && input.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        if (!changes.isEmpty()) {
            outbox.publish("crm.account.updated", Map.of("accountId", account.id, "by", actor.id, "changes", changes.keySet()));
        }
        Account.getEntityManager().flush();
        return AccountView.of(account);
    }

    /** Applies the optional fields; returns what changed. */
    private Map<String, Object> apply(Rep actor, Account account, AccountInput input) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (input.domain() != null) {
            String domain = input.domain().isBlank() ? null : Normalize.domain(input.domain());
            if (!input.domain().isBlank() && domain == null) {
                throw ProblemException.invalidField("domain", "is not a domain name");
            }
            if (domain != null && Account.count("domain = ?1 and id <> ?2", domain, account.id == null ? -1L : account.id) > 0) {
                throw ProblemException.invalidField("domain", "is already used by another account");
            }
            if (!Objects.equals(domain, account.domain)) {
                changes.put("domain", domain);
                account.domain = domain;
            }
        }
        if (input.industry() != null && !input.industry().equals(account.industry)) {
            changes.put("industry", input.industry());
            account.industry = input.industry().isBlank() ? null : input.industry().trim();
        }
        if (input.tier() != null && input.tier() != account.tier) {
            changes.put("tier", input.tier());
            account.tier = input.tier();
        }
        if (input.annualRevenue() != null && (account.annualRevenue == null || input.annualRevenue().compareTo(account.annualRevenue) != 0)) {
            changes.put("annualRevenue", input.annualRevenue());
            account.annualRevenue = input.annualRevenue();
        }
        if (input.ownerId() != null && (account.owner == null || !input.ownerId().equals(account.owner.id))) {
            Rep newOwner = Rep.findById(input.ownerId());
            if (newOwner == null || !newOwner.active) {
                throw ProblemException.invalidField("ownerId", "no active user with this id");
            }
            scope.checkCanAssign(actor, newOwner);
            changes.put("ownerId", newOwner.id);
            account.owner = newOwner;
        }
        if (input.externalId() != null && !input.externalId().equals(account.externalId)) {
            if (Account.count("externalId = ?1 and id <> ?2", input.externalId(), account.id == null ? -1L : account.id) > 0) {
                throw ProblemException.invalidField("externalId", "is already used by another account");
            }
            account.externalId = input.externalId();
        }
        return changes;
    }

    /** Optimistic locking as the API contract: the client says which version it changed. */
    public static void checkVersion(Integer sent, int current, String what, Object id) {
        if (sent == null) {
            throw ProblemException.invalidField("version", "is required to update (send the version you read)");
        }
        if (sent != current) {
            throw ProblemException.conflict(what + " " + id + " is at version " + current + ", you sent " + sent
                    + ": reload it and apply your change again");
        }
    }

}
