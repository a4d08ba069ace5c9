package io.closeloop.actions.execution;

import io.closeloop.actions.action.ActionType;

/**
 * Applies one type of action to the outside world. Implementations are idempotent per action
 * idempotency key: they consult and write {@link ExecutionReceipts} so that a retry after a
 * crash never applies the effect twice.
 */
public interface ExecutionAdapter {

    ActionType type();

    /** Applies the effect (or finds it already applied); returns a reference to what was created. */
    String execute(long actionId) throws Exception;
}
