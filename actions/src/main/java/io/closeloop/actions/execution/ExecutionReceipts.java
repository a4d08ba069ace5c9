package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Receipts of applied effects. Database effects write their DONE receipt in the same transaction
 * as the effect (exactly once). E-mail cannot join a database transaction, so it writes STARTED
 * before handing the message to SMTP and DONE right after; a STARTED receipt found on retry means
 * the outcome is unknown, and the action fails instead of risking a second e-mail.
 */
@ApplicationScoped
public class ExecutionReceipts {

    /**
     * Applies a database effect exactly once: in one new transaction, returns the reference of an
     * earlier DONE receipt, or applies the effect and writes its DONE receipt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String once(long actionId, String adapter, Function<Action, String> effect) {
        Action action = Action.findById(actionId);
        Optional<ExecutionReceipt> done = find(action).filter(r -> ExecutionReceipt.DONE.equals(r.state));
        if (done.isPresent()) {
            return done.get().externalRef;
        }
        String ref = effect.apply(action);
        done(action, adapter, ref);
        return ref;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ExecutionReceipt> find(Action action) {
        return Optional.ofNullable(ExecutionReceipt.findById(action.idempotencyKey));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void done(Action action, String adapter, String externalRef) {
        ExecutionReceipt receipt = ExecutionReceipt.findById(action.idempotencyKey);
        boolean isNew = receipt == null;
        if (isNew) {
            receipt = new ExecutionReceipt();
            receipt.idempotencyKey = action.idempotencyKey;
            receipt.actionId = action.id;
            receipt.adapter = adapter;
            receipt.startedAt = Instant.now();
        }
        receipt.state = ExecutionReceipt.DONE;
        receipt.externalRef = externalRef;
        receipt.doneAt = Instant.now();
        if (isNew) {
            receipt.persist();
        }
    }

    /** Records in its own committed transaction that an effect outside the database is about to start. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void started(Action action, String adapter) {
        ExecutionReceipt receipt = new ExecutionReceipt();
        receipt.idempotencyKey = action.idempotencyKey;
        receipt.actionId = action.id;
        receipt.adapter = adapter;
        receipt.state = ExecutionReceipt.STARTED;
        receipt.startedAt = Instant.now();
        receipt.persist();
    }

    /** Removes a STARTED receipt when the effect is known not to have happened (the SMTP server refused it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(Action action) {
        ExecutionReceipt.delete("idempotencyKey = ?1 and state = ?2", action.idempotencyKey, ExecutionReceipt.STARTED);
    }

    /** Records in its own committed transaction that an effect outside the database is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void doneNow(Action action, String adapter, String externalRef) {
        done(action, adapter, externalRef);
    }
}
