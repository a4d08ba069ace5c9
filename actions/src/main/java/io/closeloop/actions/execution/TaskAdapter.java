package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import io.closeloop.crm.task.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates the CRM task of a task action; the task and its receipt commit together (exactly once). */
@ApplicationScoped
public class TaskAdapter implements ExecutionAdapter {

    private final ExecutionReceipts receipts;

    public TaskAdapter(ExecutionReceipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public ActionType type() {
        return ActionType.TASK;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String execute(long actionId) {
        Action action = Action.findById(actionId);
        var done = receipts.find(action).filter(r -> ExecutionReceipt.DONE.equals(r.state));
        if (done.isPresent()) {
            return done.get().externalRef;
        }
        Task task = new Task();
        task.account = action.account;
        task.deal = action.deal;
        task.contact = action.contact;
        task.owner = action.owner != null ? action.owner : action.decidedBy;
        task.subject = action.subject;
        task.notes = action.body;
        task.dueDate = action.dueDate;
        task.persist();
        String ref = "task:" + task.id;
        receipts.done(action, "crm-task", ref);
        return ref;
    }
}
