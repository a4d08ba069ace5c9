package io.closeloop.actions.signal;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionDrafts;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.agents.assistant.LlmAgent;
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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drafts the action that matches a signal turning on: a retention e-mail for churn risk, a reply
 * for an open request, a follow-up task for buying intent, a stalled deal or a competitor
 * mention. Task texts are templates filled from CRM facts (agent {@code signal-template}); the
 * e-mails are written by the LLM agent when a model is configured ({@link SignalEmailWriter}, agent
 * {@code llm-agent}) and are the same templates otherwise (offline, or the call failed), never
 * presented as model output. The guardrails check them like any draft. The transition id is
 * the dedupe key, so a transition drafts one action however often its event is redelivered.
 */
@ApplicationScoped
public class SignalActions {

    public static final String AGENT = "signal-template";
    static final String RETENTION = "Write a retention e-mail to this customer. Their latest message shows a risk that they leave. "
            + "Acknowledge their concerns in plain words, promise nothing the CRM facts do not support, and propose a call this week.";
    static final String REPLY = "Write a reply to the customer's latest message, which asks for something. Confirm that the request "
            + "was received and say that an answer will follow; do not invent the answer.";
    private static final int QUOTE_LIMIT = 2000;

    private final ActionDrafts drafts;
    private final SignalEmailWriter writer;

    public SignalActions(ActionDrafts drafts, SignalEmailWriter writer) {
        this.drafts = drafts;
        this.writer = writer;
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
                    RETENTION + quoted(cause), "Call " + account.name + ": churn risk", tomorrow, evidence, eventAt);
            case OPEN_REQUEST -> emailOrTask(t, account, deal, contact, replyAddress(contact, cause),
                    reSubject(cause),
                    greeting + "\n\nThank you for your message. I have received your request and will come back to you "
                            + "with an answer shortly.\n",
                    REPLY + quoted(cause), "Answer the open request from " + account.name, tomorrow, evidence, eventAt);
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

    /**
     * An e-mail to {@code to} (a task when there is no one to write to): written by the LLM agent
     * when one is configured, else the template. A reply keeps the thread's subject.
     */
    private DraftRequest emailOrTask(SignalTransition t, Account account, Deal deal, Contact contact, String to,
            String subject, String body, String instruction, String taskSubject, LocalDate due, Long evidence, Instant eventAt) {
        if (to == null) {
            return task(t, account, deal, contact, taskSubject, body, due, evidence, eventAt);
        }
        Optional<SignalEmailWriter.Written> written = writer.write(account.owner, account.id, contact == null ? null : contact.id,
                deal == null ? null : deal.id, instruction);
        if (written.isPresent()) {
            SignalEmailWriter.Written w = written.get();
            List<Long> cited = Stream.concat(Stream.ofNullable(evidence), w.evidenceIds().stream()).distinct().toList();
            String llmSubject = t.kind == SignalKind.OPEN_REQUEST || w.subject() == null || w.subject().isBlank() ? subject : w.subject();
            return request(t, ActionType.EMAIL, account, deal, contact, List.of(to), llmSubject, w.body(), null, cited, eventAt,
                    LlmAgent.NAME);
        }
        return request(t, ActionType.EMAIL, account, deal, contact, List.of(to), subject, body, null, evidence, eventAt);
    }

    private static String quoted(InteractionSignal cause) {
        if (cause == null || cause.text() == null) {
            return "";
        }
        String text = cause.text().length() > QUOTE_LIMIT ? cause.text().substring(0, QUOTE_LIMIT) : cause.text();
        return "\n\nTheir message" + (cause.subject() == null ? "" : " (subject: " + cause.subject() + ")") + ":\n" + text;
    }

    private static DraftRequest task(SignalTransition t, Account account, Deal deal, Contact contact, String subject,
            String body, LocalDate due, Long evidence, Instant eventAt) {
        return request(t, ActionType.TASK, account, deal, contact, List.of(), subject, body, due, evidence, eventAt);
    }

    private static DraftRequest request(SignalTransition t, ActionType type, Account account, Deal deal, Contact contact,
            List<String> to, String subject, String body, LocalDate due, Long evidence, Instant eventAt) {
        return request(t, type, account, deal, contact, to, subject, body, due, evidence == null ? List.of() : List.of(evidence),
                eventAt, AGENT);
    }

    private static DraftRequest request(SignalTransition t, ActionType type, Account account, Deal deal, Contact contact,
            List<String> to, String subject, String body, LocalDate due, List<Long> evidence, Instant eventAt, String agent) {
        return new DraftRequest(type, account.id, contact == null ? null : contact.id, deal == null ? null : deal.id, null,
                to, subject, body, null, null, null, due, ActionOrigin.SIGNAL, "signal-transition:" + t.id, agent,
                "signal/" + t.kind.name().toLowerCase().replace('_', '-'), evidence, null, "signal:" + t.id, eventAt);
    }

    private static String round(double score) {
        return String.format(java.util.Locale.ROOT, "%.2f", score);
    }
}
