package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

/** Logs a note action on its account through the deployed {@link NoteStore}. */
@ApplicationScoped
public class NoteAdapter implements ExecutionAdapter {

    private final ExecutionReceipts receipts;
    private final Instance<NoteStore> stores;

    public NoteAdapter(ExecutionReceipts receipts, Instance<NoteStore> stores) {
        this.receipts = receipts;
        this.stores = stores;
    }

    @Override
    public ActionType type() {
        return ActionType.NOTE;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String execute(long actionId) {
        Action action = Action.findById(actionId);
        var done = receipts.find(action).filter(r -> ExecutionReceipt.DONE.equals(r.state));
        if (done.isPresent()) {
            return done.get().externalRef;
        }
        if (!stores.isResolvable()) {
            throw new PermanentFailure("No note store is deployed (notes are kept as vector-store interactions)");
        }
        Long author = action.decidedBy != null ? action.decidedBy.id : action.owner == null ? null : action.owner.id;
        String ref = stores.get().addNote(action.account.id, author, action.body, action.idempotencyKey.toString());
        receipts.done(action, "note", ref);
        return ref;
    }
}
