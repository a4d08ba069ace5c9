package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionGuard;
import io.closeloop.actions.action.ActionType;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Sends an e-mail action over SMTP (Quarkus Mailer). The idempotency key travels as the
 * Message-ID and an {@code X-Closeloop-Action-Key} header, and a receipt is written before and
 * after the hand-over to SMTP: a DONE receipt means the mail left, so a retry does not send again.
 * Every attempt that would hand a message over first checks its recipients again with the
 * guardrails' recipient rules ({@link ActionGuard#refusedRecipients}): a contact who opted out
 * after the approval, even during hours of SMTP retries, is not mailed, and the action fails for good.
 */
@ApplicationScoped
public class EmailAdapter implements ExecutionAdapter {

    public static final String KEY_HEADER = "X-Closeloop-Action-Key";
    private static final String NAME = "smtp";

    private final Mailer mailer;
    private final ExecutionReceipts receipts;
    private final ExecutionConfig config;
    private final ActionGuard guard;

    public EmailAdapter(Mailer mailer, ExecutionReceipts receipts, ExecutionConfig config, ActionGuard guard) {
        this.mailer = mailer;
        this.receipts = receipts;
        this.config = config;
        this.guard = guard;
    }

    @Override
    public ActionType type() {
        return ActionType.EMAIL;
    }

    @Override
    public String execute(long actionId) {
        record Prepared(Action action, Optional<ExecutionReceipt> receipt, Mail mail, List<String> refused) {
        }
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> {
            Action action = Action.findById(actionId);
            Optional<ExecutionReceipt> receipt = receipts.find(action);
            // a receipt means an earlier attempt already sent or started to: judged below, not checked again
            return new Prepared(action, receipt, mail(action), receipt.isPresent() ? List.of() : guard.refusedRecipients(action));
        });
        if (prepared.receipt().isPresent()) {
            ExecutionReceipt receipt = prepared.receipt().get();
            if (ExecutionReceipt.DONE.equals(receipt.state)) {
                return receipt.externalRef;
            }
            throw new PermanentFailure("An earlier attempt started sending at " + receipt.startedAt
                    + " and did not record the result; not sending again (check the mailbox, then draft anew)");
        }
        if (!prepared.refused().isEmpty()) {
            throw new PermanentFailure(String.join("; ", prepared.refused())
                    + " (recipients checked again just before sending, after the approval); not sent");
        }
        receipts.started(prepared.action(), NAME);
        try {
            mailer.send(prepared.mail());
        } catch (RuntimeException e) {
            receipts.forget(prepared.action()); // SMTP refused or never accepted it: a retry may send
            throw e;
        }
        String messageId = messageId(prepared.action());
        receipts.doneNow(prepared.action(), NAME, messageId);
        return messageId;
    }

    private Mail mail(Action action) {
        Mail mail = Mail.withText(action.recipients.get(0), action.subject, action.body)
                .setFrom(config.from())
                .addHeader("Message-ID", messageId(action))
                .addHeader(KEY_HEADER, action.idempotencyKey.toString());
        action.recipients.stream().skip(1).forEach(mail::addTo);
        if (action.owner != null) {
            mail.setReplyTo(action.owner.email);
        } else if (action.decidedBy != null) {
            mail.setReplyTo(action.decidedBy.email);
        }
        return mail;
    }

    static String messageId(Action action) {
        return "<" + action.idempotencyKey + "@closeloop>";
    }
}
