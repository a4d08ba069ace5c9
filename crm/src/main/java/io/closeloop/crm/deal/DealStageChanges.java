package io.closeloop.crm.deal;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The one way to change a deal's stage: it appends the history row and the change event. */
@ApplicationScoped
public class DealStageChanges {

    private final Outbox outbox;

    public DealStageChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Sets the stage of a deal (new or existing) and records it; a no-op when it is unchanged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Deal deal, DealStage to, Rep by, StageChangeSource source, Instant at) {
        boolean isNew = deal.id == null;
        DealStage from = isNew ? null : deal.stage;
        if (!isNew && from == to) {
            return;
        }
        deal.stage = to;
        if (isNew) {
            deal.persist();
        }
        DealStageHistory entry = new DealStageHistory();
        entry.deal = deal;
        entry.fromStage = from;
        entry.toStage = to;
        entry.changedAt = at;
        entry.changedBy = by;
        entry.source = source;
        entry.persist();
        if (source != StageChangeSource.DEMO) {
            Map<String, Object> event = new HashMap<>();
            event.put("dealId", deal.id);
            event.put("accountId", deal.account.id);
            event.put("from", from == null ? null : from.name());
            event.put("to", to.name());
            event.put("by", by == null ? null : by.id);
            event.put("source", source.name());
            outbox.publish("crm.deal.stage-changed", event);
        }
    }
}
