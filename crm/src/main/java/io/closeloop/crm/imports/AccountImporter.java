package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.ANNUAL_REVENUE;
import static io.closeloop.crm.imports.ImportField.DOMAIN;
import static io.closeloop.crm.imports.ImportField.EXTERNAL_ID;
import static io.closeloop.crm.imports.ImportField.INDUSTRY;
import static io.closeloop.crm.imports.ImportField.NAME;
import static io.closeloop.crm.imports.ImportField.TIER;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Creates or updates the account of one row of an accounts file. */
@ApplicationScoped
class AccountImporter implements RowImporter {

    private final AccountScope scope;
    private final AccountLookup lookup;
    private final Outbox outbox;

    AccountImporter(AccountScope scope, AccountLookup lookup, Outbox outbox) {
        this.scope = scope;
        this.lookup = lookup;
        this.outbox = outbox;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ACCOUNTS;
    }

    @Override
    public RowOutcome apply(ImportRow row, ImportRun run) {
        String name = row.required(NAME, 200);
        String externalId = row.text(EXTERNAL_ID, 100);
        String domain = row.domain(DOMAIN);
        String industry = row.text(INDUSTRY, 100);
        AccountTier tier = tier(row);
        Money revenue = row.money(ANNUAL_REVENUE);
        BigDecimal annualRevenue = revenue == null ? null : revenue.amount();
        Rep actor = run.actor();
        RowChanges changes = new RowChanges(row);
        Optional<AccountLookup.Found> found = lookup.existing(row, actor, externalId, domain, name);

        if (found.isEmpty()) {
            Account account = new Account();
            account.rename(name);
            account.owner = run.assignable(row, actor, run.owner(row, changes, "the account is yours").orElse(actor));
            changes.set(EXTERNAL_ID, null, externalId, v -> account.externalId = v);
            changes.set(DOMAIN, null, domain, v -> account.domain = v);
            changes.set(INDUSTRY, null, industry, v -> account.industry = v);
            changes.set(TIER, null, tier, v -> account.tier = v);
            changes.set(ANNUAL_REVENUE, null, annualRevenue, v -> account.annualRevenue = v);
            account.persist();
            outbox.publish("crm.account.created", Map.of("accountId", account.id, "by", actor.id, "source", "IMPORT"));
            return changes.created(account.id);
        }

        Account account = found.get().account();
        ImportField by = found.get().by();
        if (!scope.canSee(actor, account)) {
            throw row.reject(by, "matches account '" + account.name + "' (by " + row.column(by)
                    + "), which belongs to someone whose accounts you may not change");
        }
        changes.set(NAME, account.name, name, account::rename);
        if (externalId != null && account.externalId != null && !externalId.equals(account.externalId)) {
            changes.note(EXTERNAL_ID, "matched by " + row.column(by) + "; the account keeps its external id " + account.externalId);
        } else {
            changes.set(EXTERNAL_ID, account.externalId, externalId, v -> account.externalId = v);
        }
        if (domain != null && !domain.equals(account.domain) && Account.count("domain = ?1 and id <> ?2", domain, account.id) > 0) {
            throw row.reject(DOMAIN, "'" + domain + "' is already the domain of another account");
        }
        changes.set(DOMAIN, account.domain, domain, v -> account.domain = v);
        changes.set(INDUSTRY, account.industry, industry, v -> account.industry = v);
        changes.set(TIER, account.tier, tier, v -> account.tier = v);
        changes.set(ANNUAL_REVENUE, account.annualRevenue, annualRevenue, v -> account.annualRevenue = v);
        run.reassignment(row, actor, account.owner, changes).ifPresent(owner -> account.owner = owner);
        run.checkDuplicate(account.id, row, changes);
        if (!changes.isEmpty()) {
            outbox.publish("crm.account.updated", Map.of("accountId", account.id, "by", actor.id, "source", "IMPORT",
                    "changes", changes.fields().stream().map(ImportField::apiName).toList()));
        }
        return changes.done(account.id);
    }


    private static AccountTier tier(ImportRow row) {
        String value = row.text(TIER);
        if (value == null) {
            return null;
        }
        return Arrays.stream(AccountTier.values()).filter(t -> ImportColumns.key(t.name()).equals(ImportColumns.key(value)))
                .findFirst().orElseThrow(() -> row.reject(TIER, "'" + value + "' is not a tier (one of "
                        + Arrays.toString(AccountTier.values()) + ")"));
    }
}
