package io.closeloop.actions.action;

import java.time.Instant;

/**
 * Fired (CDI) inside the transaction of every transition; observers that react after commit
 * (server-sent events, the latency histogram) see only committed changes.
 *
 * @param eventAt when the event that led to the draft happened (null when not event-driven)
 */
public record ActionChanged(ActionView action, ActionStatus from, Instant eventAt) {
}
