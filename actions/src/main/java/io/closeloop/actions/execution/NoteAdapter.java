package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Logs a note action on its account through the {@link NoteStore} (a vector-store interaction). */
@ApplicationScoped
public class NoteAdapter implements ExecutionAdapter {

    private final ExecutionReceipts receipts;

    private final NoteStore store;

    public NoteAdapter(ExecutionReceipts receipts, NoteStore store) {
        this.receipts = receipts;
        this.store = store;
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
        Long author = action.decidedBy != null ? action.decidedBy.id : action.owner == null ? null : action.owner.id;
        Instant at = action.decidedAt != null ? action.decidedAt : action.queuedAt;
        return store.addNote(action.account.id, author, action.body, at, action.idempotencyKey.toString());
    }
}
