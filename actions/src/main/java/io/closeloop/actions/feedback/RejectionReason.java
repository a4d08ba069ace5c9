package io.closeloop.actions.feedback;

/** Why a drafted action was rejected. */
public enum RejectionReason {
    WRONG_FACTS, WRONG_TONE, WRONG_RECIPIENT, NOT_NEEDED_NOW, OTHER,
    /** Not a rep's decision: the guardrails blocked the draft. */
    GUARDRAIL_BLOCKED
}
