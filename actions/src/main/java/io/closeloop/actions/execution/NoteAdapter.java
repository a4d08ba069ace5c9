package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

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
    public String execute(long actionId) {
        return receipts.once(actionId, "note", this::apply);
    }

    private String apply(Action action) {
        if (!stores.isResolvable()) {
            throw new PermanentFailure("No note store is deployed (notes are kept as vector-store interactions)");
        }
        Long author = action.decidedBy != null ? action.decidedBy.id : action.owner == null ? null : action.owner.id;
        return stores.get().addNote(action.account.id, author, action.body, action.idempotencyKey.toString());
    }
}
