package io.closeloop.actions.signal;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionDrafts;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Drafts the action that matches a signal turning on: a retention e-mail for churn risk, a reply
 * for an open request, a follow-up task for buying intent, a stalled deal or a competitor
 * mention. The texts are templates filled from CRM facts (agent {@code signal-template}), never
 * presented as model output; the guardrails check them like any draft. The transition id is
 * the dedupe key, so a transition drafts one action however often its event is redelivered.
 */
@ApplicationScoped
public class SignalActions {

    public static final String AGENT = "signal-template";

    private final ActionDrafts drafts;

    public SignalActions(ActionDrafts drafts) {
        this.drafts = drafts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Action draft(SignalTransition t, InteractionSignal cause, String detail) {
        Account account = Account.findById(t.accountId);
        Deal deal = t.dealId == 0 ? (cause == null || cause.dealId() == null ? null : Deal.findById(cause.dealId()))
                : Deal.findById(t.dealId);
        Contact contact = cause == null || cause.contactId() == null ? null : Contact.findById(cause.contactId());
        String greeting = "Hello" + (contact == null || contact.firstName == null ? "" : " " + contact.firstName) + ",";
        Long evidence = cause == null ? null : cause.interactionId();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Instant eventAt = cause == null ? t.at : cause.ingestedAt();
        DraftRequest request = switch (t.kind) {
            case CHURN_RISK -> emailOrTask(t, account, deal, contact, replyAddress(contact, cause),
                    "Following up on your concerns",
                    greeting + "\n\nThank you for telling us how things are going. I would like to understand what has not "
                            + "worked for " + account.name + " and what we can change. Could we talk this week?\n",
                    "Call " + account.name + ": churn risk", tomorrow, evidence, eventAt);
            case OPEN_REQUEST -> emailOrTask(t, account, deal, contact, replyAddress(contact, cause),
                    reSubject(cause),
                    greeting + "\n\nThank you for your message. I have received your request and will come back to you "
                            + "with an answer shortly.\n",
                    "Answer the open request from " + account.name, tomorrow, evidence, eventAt);
            case BUYING_INTENT -> task(t, account, deal, contact, "Follow up on buying intent at " + account.name,
                    "Signal: buying intent (score " + round(t.score) + ")" + (detail == null ? "" : ". " + detail), tomorrow, evidence, eventAt);
            case COMPETITOR_MENTION -> task(t, account, deal, contact, "Competitor " + detail + " mentioned by " + account.name,
                    "Prepare positioning against " + detail + "; the customer named them in interaction " + evidence + ".",
                    tomorrow, evidence, eventAt);
            case STALLED_DEAL -> task(t, account, deal, null, "Revive stalled deal " + (deal == null ? "" : deal.name),
                    "No activity on this deal since " + detail + ". Plan the next step with the customer.", tomorrow, null, eventAt);
        };
        return drafts.draft(request, null).action();
    }

    private static String replyAddress(Contact contact, InteractionSignal cause) {
        if (contact != null && contact.emailConsent == EmailConsent.WITHDRAWN) {
            return null;
        }
        if (cause != null && cause.from() != null && !cause.from().isBlank()) {
            return cause.from();
        }
        return contact == null ? null : contact.email;
    }

    private static String reSubject(InteractionSignal cause) {
        String subject = cause == null || cause.subject() == null || cause.subject().isBlank() ? "your request" : cause.subject();
        return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
    }

    private static DraftRequest emailOrTask(SignalTransition t, Account account, Deal deal, Contact contact, String to,
            String subject, String body, String taskSubject, LocalDate due, Long evidence, Instant eventAt) {
        if (to == null) {
            return task(t, account, deal, contact, taskSubject, body, due, evidence, eventAt);
        }
        return request(t, ActionType.EMAIL, account, deal, contact, List.of(to), subject, body, null, evidence, eventAt);
    }

    private static DraftRequest task(SignalTransition t, Account account, Deal deal, Contact contact, String subject,
            String body, LocalDate due, Long evidence, Instant eventAt) {
        return request(t, ActionType.TASK, account, deal, contact, List.of(), subject, body, due, evidence, eventAt);
    }

    private static DraftRequest request(SignalTransition t, ActionType type, Account account, Deal deal, Contact contact,
            List<String> to, String subject, String body, LocalDate due, Long evidence, Instant eventAt) {
        return new DraftRequest(type, account.id, contact == null ? null : contact.id, deal == null ? null : deal.id, null,
                to, subject, body, null, null, null, due, ActionOrigin.SIGNAL, "signal-transition:" + t.id, AGENT,
                "signal/" + t.kind.name().toLowerCase().replace('_', '-'), evidence == null ? List.of() : List.of(evidence),
                null, "signal:" + t.id, eventAt);
    }

    private static String round(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
