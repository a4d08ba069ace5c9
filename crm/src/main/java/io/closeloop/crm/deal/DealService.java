package io.closeloop.crm.deal;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.AccountService;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deals, visible through their account; stage changes go through {@link DealStageChanges}. */
@ApplicationScoped
public class DealService {

    private final AccountScope scope;
    private final DealStageChanges stages;
    private final Outbox outbox;

    public DealService(AccountScope scope, DealStageChanges stages, Outbox outbox) {
        this.scope = scope;
        this.stages = stages;
        this.outbox = outbox;
    }

    @Transactional
    public Page<DealView> list(Rep viewer, Long accountId, DealStage stage, int page, int size) {
        AccountScope.Condition visible = scope.visibleTo(viewer, "d.account");
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        String where = visible.jpql();
        if (accountId != null) {
            where += " and d.account.id = :accountId";
            params.put("accountId", accountId);
        }
        if (stage != null) {
            where += " and d.stage = :stage";
            params.put("stage", stage);
        }
        var found = Deal.find("select d from Deal d where " + where + " order by d.closeDate, d.id", params).page(page, size);
        long total = Deal.count("from Deal d where " + where, params);
        return new Page<>(found.<Deal>list().stream().map(DealView::of).toList(), page, size, total);
    }

    @Transactional
    public DealView get(Rep viewer, Long id) {
        return DealView.withHistory(require(viewer, id));
    }

    public Deal require(Rep viewer, Long id) {
        Deal deal = id == null ? null : Deal.findById(id);
        if (deal == null || !scope.canSee(viewer, deal.account)) {
            throw ProblemException.notFound("Deal", id);
        }
        return deal;
    }

    @Transactional
    public DealView create(Rep actor, DealInput input) {
        if (input.accountId() == null) {
            throw ProblemException.invalidField("accountId", "is required");
        }
        if (input.name() == null || input.name().isBlank()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        Deal deal = new Deal();
        deal.account = scope.require(actor, input.accountId());
        deal.owner = actor;
        applyFields(actor, deal, input);
        stages.change(deal, input.stage() == null ? DealStage.PROSPECTING : input.stage(), actor, StageChangeSource.API, Instant.now());
        outbox.publish("crm.deal.created", Map.of("dealId", deal.id, "accountId", deal.account.id));
        return DealView.withHistory(deal);
    }

    @Transactional
    public DealView update(Rep actor, Long id, DealInput input) {
        Deal deal = require(actor, id);
        AccountService.checkVersion(input.version(), deal.version, "Deal", id);
        if (input.accountId() != null && !input.accountId().equals(deal.account.id)) {
            deal.account = scope.require(actor, input.accountId());
        }
        if (input.name() != null) {
            if (input.name().isBlank()) {
                throw ProblemException.invalidField("name", "must not be blank");
            }
            deal.name = input.name().trim();
        }
        applyFields(actor, deal, input);
        if (input.stage() != null) {
            stages.change(deal, input.stage(), actor, StageChangeSource.API, Instant.now());
        }
        Deal.getEntityManager().flush();
        return DealView.withHistory(deal);
    }

    private void applyFields(Rep actor, Deal deal, DealInput input) {
        if (deal.id == null) {
            deal.name = input.name().trim();
        }
        if (input.amount() != null) {
            deal.amount = input.amount();
        }
        if (input.currency() != null) {
            deal.currency = input.currency();
        }
        if (input.closeDate() != null) {
            deal.closeDate = input.closeDate();
        }
        if (input.externalId() != null && !input.externalId().equals(deal.externalId)) {
            if (Deal.count("externalId = ?1 and id <> ?2", input.externalId(), deal.id == null ? -1L : deal.id) > 0) {
                throw ProblemException.invalidField("externalId", "is already used by another deal");
            }
            deal.externalId = input.externalId();
        }
        if (input.ownerId() != null && (deal.owner == null || !input.ownerId().equals(deal.owner.id))) {
            Rep newOwner = Rep.findById(input.ownerId());
            if (newOwner == null || !newOwner.active) {
                throw ProblemException.invalidField("ownerId", "no active user with this id");
            }
            scope.checkCanAssign(actor, newOwner);
            deal.owner = newOwner;
        }
    }
}
