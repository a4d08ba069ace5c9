package io.closeloop.guardrails.check;

import java.util.List;

/**
 * An output to check: a draft (e-mail, chat answer, note, task) and/or proposed record changes.
 *
 * @param channel          EMAIL, CHAT, NOTE, TASK or CHANGE
 * @param accountId        the account it is about (null for a chat answer about no account)
 * @param recipients       e-mail addresses (EMAIL only)
 * @param groundingSources the texts the output was grounded on; figures are checked against them
 * @param changes          proposed changes to CRM records
 */
public record DraftInput(String channel, Long accountId, List<String> recipients, String subject, String body,
        List<String> groundingSources, List<ProposedChange> changes) {

    /** The longest subject plus body the guardrails check; a longer output is refused as invalid input. */
    public static final int MAX_TEXT = 50_000;

    public DraftInput {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        groundingSources = groundingSources == null ? List.of() : List.copyOf(groundingSources);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Whether subject and body together are longer than the guardrails check ({@link #MAX_TEXT}). */
    public boolean tooLong() {
        return (subject == null ? 0 : subject.length()) + (body == null ? 0 : body.length()) > MAX_TEXT;
    }

    public DraftInput withText(String newSubject, String newBody) {
        return new DraftInput(channel, accountId, recipients, newSubject, newBody, groundingSources, changes);
    }
}
