package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionType;
import io.closeloop.crm.task.Task;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates the CRM task of a task action, for the owner (or whoever took it from the team queue). */
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
    public String execute(long actionId) {
        return receipts.once(actionId, "crm-task", this::apply);
    }

    private String apply(Action action) {
        Task task = new Task();
        task.account = action.account;
        task.deal = action.deal;
        task.contact = action.contact;
        task.owner = action.owner != null ? action.owner : action.decidedBy;
        task.subject = action.subject;
        task.notes = action.body;
        task.dueDate = action.dueDate;
        task.persist();
        return "task:" + task.id;
    }
}
