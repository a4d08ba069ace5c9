package io.closeloop.actions.feedback;

/** What the rep did with a draft. */
public enum FeedbackKind {
    ACCEPTED, EDITED, REJECTED, EXPIRED
}
