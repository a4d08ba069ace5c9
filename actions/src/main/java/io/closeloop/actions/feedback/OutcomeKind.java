package io.closeloop.actions.feedback;

/** What happened after a decision, for accepted and rejected actions alike. */
public enum OutcomeKind {
    CUSTOMER_REPLIED, DEAL_STAGE_MOVED, DEAL_WON, DEAL_LOST
}
