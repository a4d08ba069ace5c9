package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.ACCOUNT_DOMAIN;
import static io.closeloop.crm.imports.ImportField.ACCOUNT_EXTERNAL_ID;
import static io.closeloop.crm.imports.ImportField.ACCOUNT_NAME;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Finds the account a row means. The same company is recognised by external id, then by web
 * domain, then by normalised company name ({@link Normalize#companyName}). Any match the
 * importing user may not see is refused: an import never touches, or duplicates, an account
 * outside the user's scope.
 */
@ApplicationScoped
public class AccountLookup {

    /** An account and the field that identified it. */
    public record Found(Account account, ImportField by) {
    }

    private final AccountScope scope;

    public AccountLookup(AccountScope scope) {
        this.scope = scope;
    }

    /** For an accounts file: the existing account the row describes, if any (visible or not). */
    public Optional<Found> existing(ImportRow row, Rep actor, String externalId, String domain, String name) {
        lockName(name);
        if (externalId != null) {
            Optional<Account> byId = Account.find("externalId", externalId).firstResultOptional();
            if (byId.isPresent()) {
                return Optional.of(new Found(byId.get(), ImportField.EXTERNAL_ID));
            }
        }
        if (domain != null) {
            Optional<Account> byDomain = Account.find("domain", domain).firstResultOptional();
            if (byDomain.isPresent()) {
                return Optional.of(new Found(byDomain.get(), ImportField.DOMAIN));
            }
        }
        return byName(row, ImportField.NAME, actor, name).map(a -> new Found(a, ImportField.NAME));
    }

    /**
     * For a contacts or deals file: the account named by the row's account columns, trying each
     * filled one in turn (id, domain, name), then the domain of {@code email} when given. Empty
     * when the row names no account; rejected when it names one that does not exist or that the
     * user may not see.
     */
    public Optional<Found> linked(ImportRow row, Rep actor, String email) {
        String externalId = row.text(ACCOUNT_EXTERNAL_ID);
        if (externalId != null) {
            // HubSpot writes several associated ids as "123;456": the first is the primary one.
            Optional<Account> byId = Account.find("externalId", externalId.split(";")[0].strip()).firstResultOptional();
            if (byId.isPresent()) {
                return Optional.of(visible(row, actor, byId.get(), ACCOUNT_EXTERNAL_ID));
            }
        }
        String domain = row.domain(ACCOUNT_DOMAIN);
        if (domain != null) {
            Optional<Account> byDomain = Account.find("domain", domain).firstResultOptional();
            if (byDomain.isPresent()) {
                return Optional.of(visible(row, actor, byDomain.get(), ACCOUNT_DOMAIN));
            }
        }
        String name = row.text(ACCOUNT_NAME);
        if (name != null) {
            Optional<Account> byName = byName(row, ACCOUNT_NAME, actor, name);
            if (byName.isPresent()) {
                return Optional.of(visible(row, actor, byName.get(), ACCOUNT_NAME));
            }
        }
        String emailDomain = Normalize.emailDomain(email);
        if (emailDomain != null) {
            Optional<Account> byEmail = Account.find("domain", emailDomain).firstResultOptional();
            if (byEmail.isPresent() && scope.canSee(actor, byEmail.get())) {
                return Optional.of(new Found(byEmail.get(), ImportField.EMAIL));
            }
        }
        ImportField named = externalId != null ? ACCOUNT_EXTERNAL_ID : domain != null ? ACCOUNT_DOMAIN : name != null ? ACCOUNT_NAME : null;
        if (named != null) {
            throw row.reject(named, "no account '" + row.text(named) + "' exists; import the accounts first");
        }
        return Optional.empty();
    }

    /**
     * Serialises rows that would create the same company (by normalised name) until their
     * transaction ends: external id and domain are unique in the schema, but a company known only
     * by name is not, and two imports running at once would otherwise both create it. Each row is
     * its own transaction and every lookup query takes a fresh snapshot, so the second row finds
     * the account the first one created.
     */
    private static void lockName(String name) {
        String normalized = name == null ? "" : Normalize.companyName(name);
        if (!normalized.isEmpty()) {
            Account.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('crm.account.name:' || ?1))")
                    .setParameter(1, normalized).getSingleResult();
        }
    }

    private Found visible(ImportRow row, Rep actor, Account account, ImportField by) {
        if (!scope.canSee(actor, account)) {
            throw row.reject(by, "account '" + row.text(by) + "' belongs to someone whose accounts you may not change");
        }
        return new Found(account, by);
    }

    /** One account by normalised name: the visible one when several share it; rejected if ambiguous. */
    private Optional<Account> byName(ImportRow row, ImportField field, Rep actor, String name) {
        String normalized = Normalize.companyName(name);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        List<Account> all = Account.list("normalizedName = ?1 order by id", normalized);
        if (all.size() <= 1) {
            return all.stream().findFirst();
        }
        List<Account> visible = all.stream().filter(a -> scope.canSee(actor, a)).toList();
        if (visible.size() > 1) {
            throw row.reject(field, "'" + name + "' matches " + visible.size()
                    + " accounts; add a domain or an account id column to tell them apart");
        }
        return Optional.of(visible.isEmpty() ? all.get(0) : visible.get(0));
    }
}
