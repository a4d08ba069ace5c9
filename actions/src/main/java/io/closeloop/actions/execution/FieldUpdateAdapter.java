package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.deal.DealStageChanges;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;

/**
 * Applies a CRM field update to a deal; a stage goes through the CRM's stage changes (history
 * row and event, source ACTION). Refuses when the field no longer holds the value the draft was
 * made from: the rep approved a change from that value, not from whatever is there now.
 */
@ApplicationScoped
public class FieldUpdateAdapter implements ExecutionAdapter {

    private final ExecutionReceipts receipts;

    private final DealStageChanges stages;

    public FieldUpdateAdapter(ExecutionReceipts receipts, DealStageChanges stages) {
        this.receipts = receipts;
        this.stages = stages;
    }

    @Override
    public ActionType type() {
        return ActionType.CRM_FIELD_UPDATE;
    }

    @Override
    public String execute(long actionId) {
        return receipts.once(actionId, "crm-field", this::apply);
    }

    private String apply(Action action) {
        Deal deal = action.deal;
        String current = DealFields.read(deal, action.fieldName);
        if (!Objects.equals(current, action.oldValue)) {
            throw new PermanentFailure("Deal " + deal.id + " " + action.fieldName + " is now '" + current
                    + "', not '" + action.oldValue + "' as when the change was drafted");
        }
        Rep by = action.decidedBy != null ? action.decidedBy : action.owner;
        if ("stage".equals(action.fieldName)) {
            stages.change(deal, DealStage.valueOf(action.newValue), by, StageChangeSource.ACTION, Instant.now());
        } else {
            DealFields.write(deal, action.fieldName, action.newValue);
        }
        return "deal:" + deal.id + "." + action.fieldName;
    }
}
