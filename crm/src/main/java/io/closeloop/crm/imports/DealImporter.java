package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.ACCOUNT_NAME;
import static io.closeloop.crm.imports.ImportField.AMOUNT;
import static io.closeloop.crm.imports.ImportField.CLOSE_DATE;
import static io.closeloop.crm.imports.ImportField.CURRENCY;
import static io.closeloop.crm.imports.ImportField.EXTERNAL_ID;
import static io.closeloop.crm.imports.ImportField.NAME;
import static io.closeloop.crm.imports.ImportField.STAGE;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.deal.DealStageChanges;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates the deal of one row of a deals file. The same deal is recognised by external
 * id, then by its name on the same account. Stage changes go through {@link DealStageChanges}
 * with source IMPORT, so they land in the stage history and raise the usual event.
 */
@ApplicationScoped
class DealImporter implements RowImporter {

    private final AccountScope scope;
    private final AccountLookup lookup;
    private final DealStageChanges stages;
    private final Outbox outbox;

    DealImporter(AccountScope scope, AccountLookup lookup, DealStageChanges stages, Outbox outbox) {
        this.scope = scope;
        this.lookup = lookup;
        this.stages = stages;
        this.outbox = outbox;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.DEALS;
    }

    @Override
    public RowOutcome apply(ImportRow row, ImportRun run) {
        String name = row.required(NAME, 200);
        String externalId = row.text(EXTERNAL_ID, 100);
        DealStage stage = stage(row);
        Money amount = row.money(AMOUNT);
        String currency = currency(row, amount);
        LocalDate closeDate = row.date(CLOSE_DATE, run.dateOrder());
        Rep actor = run.actor();
        RowChanges changes = new RowChanges(row);
        Optional<Account> account = lookup.linked(row, actor, null).map(AccountLookup.Found::account);
        Deal deal = existing(row, externalId, name, account);

        if (deal == null) {
            Deal created = new Deal();
            created.account = account.orElseThrow(() -> row.reject(ACCOUNT_NAME, "a new deal needs its account"));
            created.name = name;
            created.owner = run.assignable(row, actor, run.owner(row, changes, "the deal is yours").orElse(actor));
            changes.set(EXTERNAL_ID, null, externalId, v -> created.externalId = v);
            changes.set(AMOUNT, null, amount == null ? null : amount.amount(), v -> created.amount = v);
            changes.set(CURRENCY, null, currency, v -> created.currency = v);
            changes.set(CLOSE_DATE, null, closeDate, v -> created.closeDate = v);
            stages.change(created, stage == null ? DealStage.PROSPECTING : stage, actor, StageChangeSource.IMPORT, Instant.now());
            outbox.publish("crm.deal.created", Map.of("dealId", created.id, "accountId", created.account.id, "source", "IMPORT"));
            return changes.created(created.id);
        }

        if (!scope.canSee(actor, deal.account)) {
            throw row.reject(deal.externalId != null && deal.externalId.equals(externalId) ? EXTERNAL_ID : NAME,
                    "matches a deal on an account you may not change");
        }
        if (account.isPresent() && !account.get().id.equals(deal.account.id)) {
            deal.account = account.get();
            changes.changed(ACCOUNT_NAME);
        }
        changes.set(NAME, deal.name, name, v -> deal.name = v);
        if (externalId != null && deal.externalId == null) {
            changes.set(EXTERNAL_ID, null, externalId, v -> deal.externalId = v);
        }
        changes.set(AMOUNT, deal.amount, amount == null ? null : amount.amount(), v -> deal.amount = v);
        changes.set(CURRENCY, deal.currency, currency, v -> deal.currency = v);
        changes.set(CLOSE_DATE, deal.closeDate, closeDate, v -> deal.closeDate = v);
        run.reassignment(row, actor, deal.owner, changes).ifPresent(owner -> deal.owner = owner);
        if (stage != null && stage != deal.stage) {
            changes.changed(STAGE);
        }
        run.checkDuplicate(deal.id, row, changes);
        if (stage != null) {
            stages.change(deal, stage, actor, StageChangeSource.IMPORT, Instant.now());
        }
        return changes.done(deal.id);
    }

    /** By external id, else the one deal of that name on the account (one with another id is another deal). */
    private static Deal existing(ImportRow row, String externalId, String name, Optional<Account> account) {
        if (externalId != null) {
            Deal byId = Deal.find("externalId", externalId).firstResult();
            if (byId != null) {
                return byId;
            }
        }
        if (account.isEmpty()) {
            return null;
        }
        List<Deal> named = Deal.<Deal>list("account = ?1 and lower(name) = ?2 order by id", account.get(), name.toLowerCase(Locale.ROOT))
                .stream().filter(d -> externalId == null || d.externalId == null || d.externalId.equals(externalId)).toList();
        if (named.size() > 1) {
            throw row.reject(NAME, "'" + name + "' matches " + named.size() + " deals on this account; add a deal id column to tell them apart");
        }
        return named.isEmpty() ? null : named.get(0);
    }


    private static DealStage stage(ImportRow row) {
        String value = row.text(STAGE);
        if (value == null) {
            return null;
        }
        return ExportStages.stage(value).orElseThrow(() -> row.reject(STAGE, "unknown stage '" + value
                + "' (HubSpot default pipeline ids and labels, Salesforce standard stages or " + List.of(DealStage.values()) + ")"));
    }

    /** The currency column, or the currency the amount is written in; the two must agree. */
    private static String currency(ImportRow row, Money amount) {
        String column = row.text(CURRENCY);
        String code = column == null ? null : column.toUpperCase(Locale.ROOT);
        if (code != null && !code.matches("[A-Z]{3}")) {
            throw row.reject(CURRENCY, "'" + column + "' is not an ISO 4217 code such as USD");
        }
        String written = amount == null ? null : amount.currency();
        if (code != null && written != null && !code.equals(written)) {
            throw row.reject(AMOUNT, "is in " + written + " but the currency column says " + code);
        }
        return code != null ? code : written;
    }
}
