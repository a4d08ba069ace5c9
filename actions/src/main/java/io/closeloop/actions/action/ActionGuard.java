package io.closeloop.actions.action;

import io.closeloop.crm.rep.Rep;

/**
 * Validates a draft before anyone sees it ({@link GuardrailActionGuard}, over the guardrails).
 * {@link ActionDrafts} calls it for every draft that does not already carry a verdict.
 */
public interface ActionGuard {

    /**
     * The verdict, with repaired subject and body when the rules repaired them (else null).
     *
     * @param reviewer whose rules apply (discount authority, visible accounts): the owner, else who drafts, else the team's manager
     * @param draft    the request with its account and the field's current value resolved
     */
    Review review(Rep reviewer, DraftRequest draft);

    record Review(GuardrailCheck check, String repairedSubject, String repairedBody) {
    }
}
