package io.closeloop.actions.action;

import io.closeloop.crm.rep.Rep;

/**
 * Validates a draft before anyone sees it. Implemented over the guardrails layer; when no
 * implementation is deployed, drafts are stored with the verdict UNCHECKED (never shown as checked).
 */
public interface ActionGuard {

    /** The verdict, with repaired subject and body when the rules repaired them (else null). */
    Review review(Rep owner, DraftRequest draft);

    record Review(GuardrailCheck check, String repairedSubject, String repairedBody) {
    }
}
