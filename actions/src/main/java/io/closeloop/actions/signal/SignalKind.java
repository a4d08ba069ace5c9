package io.closeloop.actions.signal;

/** The signals tracked per account (and per deal for a stalled deal). */
public enum SignalKind {
    CHURN_RISK, BUYING_INTENT, OPEN_REQUEST, COMPETITOR_MENTION, STALLED_DEAL
}
