package io.closeloop.actions.action;

import io.closeloop.crm.rep.Rep;
import java.util.List;

/**
 * Validates a draft before anyone sees it ({@link GuardrailActionGuard}, over the guardrails).
 * {@link ActionDrafts} calls it for every draft that does not already carry a verdict,
 * {@link ActionDecisions} for an edit at approval, and the e-mail adapter for the recipients of
 * every e-mail just before it is sent.
 */
public interface ActionGuard {

    /**
     * The verdict, with repaired subject and body when the rules repaired them (else null).
     *
     * @param reviewer whose rules apply (discount authority, visible accounts): the owner, else who drafts, else the team's manager
     * @param draft    the request with its account and the field's current value resolved
     */
    Review review(Rep reviewer, DraftRequest draft);

    /**
     * The verdict on an action as a person edited it while approving (recipients, subject, body,
     * new value): the edit is what will be executed, so the same rules apply to it.
     *
     * @param reviewer whose rules apply: the person approving the edit
     */
    Review reviewEdit(Rep reviewer, Action edited);

    /**
     * What stops an approved e-mail from leaving now: the recipient rules (GR-07 consent, GR-08 the
     * account's contacts or domain, GR-09 at least one recipient) checked again against the CRM as it
     * is at sending time, each BLOCK hit as "id: detail" (e.g. "GR-07: erin@acme.com has e-mail consent
     * WITHDRAWN"); empty when it may go. The check's verdict is stored with the guardrails' others.
     */
    List<String> refusedRecipients(Action email);

    /** What held back the output a stored verdict judged (see {@link Review#holding}); empty when there is no such verdict. */
    List<String> holding(Long verdictId);

    /**
     * The verdict, the repaired text (null when nothing was repaired), each fired rule as "id: message
     * (remedy)", and what holds the output back: each BLOCK and NEEDS_APPROVAL hit as "id: detail"
     * (e.g. "GR-01: 15% exceeds the rep's authority of 10%").
     */
    record Review(GuardrailCheck check, String repairedSubject, String repairedBody, List<String> findings, List<String> holding) {
    }
}
