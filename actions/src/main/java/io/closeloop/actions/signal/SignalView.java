package io.closeloop.actions.signal;

import java.time.Instant;

/**
 * A signal transition as the feed shows it: which signal turned on (or off) for which account or
 * deal, its score, what caused it, and the action drafted for it (null when none, or not yet
 * known: a pushed transition is sent before anyone reads its draft).
 */
public record SignalView(long id, SignalKind kind, long accountId, String accountName, Long dealId, boolean activated, double score,
        String sourceKey, Instant eventAt, Instant at, Long actionId) {
}
