package io.closeloop.crm.task;

/** Where a task stands. */
public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
