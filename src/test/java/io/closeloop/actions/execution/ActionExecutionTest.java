package io.closeloop.actions.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.SmtpServer;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionEvent;
import io.closeloop.actions.action.ActionLifecycle;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.deal.DealStageHistory;
import io.closeloop.crm.deal.StageChangeSource;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.task.Task;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Execution adapters and exactly-once execution across crashes, with the executor driven by the test. */
@QuarkusTest
@TestProfile(ManualExecutionProfile.class)
class ActionExecutionTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Inject
    ActionExecutor executor;

    @Inject
    ActionLifecycle lifecycle;

    @Inject
    EmailAdapter email;

    @Inject
    ExecutionReceipts receipts;

    @Inject
    TaskAdapter tasks;

    Rep alice;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        SmtpServer.get();
        alice = crm.rep("alice", RepRole.REP, crm.team("exec"));
        account = crm.account("Exec Co", alice);
        contact = crm.contact(account, "Erin", EmailConsent.GRANTED);
    }

    private Action approved(Action draft) {
        return ActionFixtures.approve(alice, draft);
    }

    private Action emailDraft() {
        return actions.email(account.id, contact.id, contact.email, "Quote " + CrmFixtures.unique("q"),
                "Dear Erin,\n\nthe quote is attached.\n\nBest, Alice", null);
    }

    @Test
    void approvedEmailArrivesOverSmtpExactlyAsDrafted() throws Exception {
        Action action = approved(emailDraft());
        executor.runDue();

        Action done = ActionFixtures.load(action.id);
        assertThat(done.status).isEqualTo(ActionStatus.EXECUTED);
        List<MimeMessage> received = SmtpServer.to(contact.email);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo(action.subject);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo("Dear Erin,\n\nthe quote is attached.\n\nBest, Alice");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("closeloop@localhost");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(alice.email);
        assertThat(mail.getHeader(EmailAdapter.KEY_HEADER)).containsExactly(action.idempotencyKey.toString());
        assertThat(done.externalRef).isEqualTo("<" + action.idempotencyKey + "@closeloop>");
        assertThat(done.attempts).isEqualTo(1);
    }

    @Test
    void crashBetweenSendingAndRecordingSendsOnceAfterRestart() throws Exception {
        Action action = approved(emailDraft());
        // the first instance claims the action and sends the e-mail, then dies before recording EXECUTED
        claim(action.id);
        email.execute(action.id);
        assertThat(ActionFixtures.load(action.id).status).isEqualTo(ActionStatus.EXECUTING);
        assertThat(SmtpServer.to(contact.email)).hasSize(1);

        Thread.sleep(1200); // its lease runs out; a restarted executor recovers the action
        executor.runDue();

        Action done = ActionFixtures.load(action.id);
        assertThat(done.status).isEqualTo(ActionStatus.EXECUTED);
        assertThat(done.attempts).isEqualTo(2);
        Thread.sleep(300);
        assertThat(SmtpServer.to(contact.email)).hasSize(1);
        List<String> notes = QuarkusTransaction.requiringNew().call(() -> ActionEvent.of(action.id).stream().map(e -> String.valueOf(e.note)).toList());
        assertThat(notes).anyMatch(n -> n.startsWith("recovered"));
    }

    @Test
    void crashDuringTheSmtpHandOverFailsTheActionRatherThanRiskingASecondEmail() throws Exception {
        Action action = approved(emailDraft());
        claim(action.id);
        receipts.started(action, "smtp"); // died after starting the hand-over, outcome unknown
        Thread.sleep(1200);
        executor.runDue();

        ActionFixtures.failedForGood(action.id, "did not record the result");
        assertThat(SmtpServer.to(contact.email)).isEmpty();
    }

    @Test
    void smtpOutageIsRetriedWithBackoffAndSendsOnceWhenItReturns() throws Exception {
        Action action = approved(emailDraft());
        SmtpServer.stop();
        try {
            Instant before = Instant.now();
            executor.runDue();
            Action failed = ActionFixtures.load(action.id);
            assertThat(failed.status).isEqualTo(ActionStatus.FAILED);
            assertThat(failed.attempts).isEqualTo(1);
            assertThat(failed.nextAttemptAt).isBetween(before.plusMillis(900), Instant.now().plusMillis(1100));
            executor.runDue(); // not due yet
            assertThat(ActionFixtures.load(action.id).attempts).isEqualTo(1);
        } finally {
            SmtpServer.get();
        }
        // the server is back: the executor retries when each back-off has passed (1 s, then 2 s), as its poll would
        Action done = ActionFixtures.settle(executor, action.id);
        List<String> history = ActionFixtures.history(action.id);
        assertThat(done.status).as("status after the retries; history: %s; last error: %s", history, done.lastError)
                .isEqualTo(ActionStatus.EXECUTED);
        // normally the first retry sends; one more is allowed for a failure while the server comes back
        // (the history above says which), never a third (max-attempts 3) and never a second e-mail
        assertThat(done.attempts).as("history: %s", history).isBetween(2, 3);
        assertThat(SmtpServer.to(contact.email)).hasSize(1);
    }

    @Test
    void stageUpdateGoesThroughTheStageHistoryAsAnActionChange() {
        Deal deal = crm.deal(account, "Expansion", DealStage.PROPOSAL, alice);
        Action action = approved(actions.fieldUpdate(deal.id, "stage", "NEGOTIATION"));
        assertThat(action.oldValue).isEqualTo("PROPOSAL");
        executor.runDue();

        assertThat(ActionFixtures.load(action.id).status).isEqualTo(ActionStatus.EXECUTED);
        QuarkusTransaction.requiringNew().run(() -> {
            Deal updated = Deal.findById(deal.id);
            assertThat(updated.stage).isEqualTo(DealStage.NEGOTIATION);
            List<DealStageHistory> history = DealStageHistory.list("deal.id = ?1 order by id", deal.id);
            DealStageHistory last = history.get(history.size() - 1);
            assertThat(last.fromStage).isEqualTo(DealStage.PROPOSAL);
            assertThat(last.toStage).isEqualTo(DealStage.NEGOTIATION);
            assertThat(last.source).isEqualTo(StageChangeSource.ACTION);
            assertThat(last.changedBy.id).isEqualTo(alice.id);
            Number events = (Number) OutboxEvent.getEntityManager().createNativeQuery("""
                    select count(*) from outbox where event_type = 'crm.deal.stage-changed'
                    and payload ->> 'source' = 'ACTION' and (payload ->> 'dealId')::bigint = :deal""")
                    .setParameter("deal", deal.id).getSingleResult();
            assertThat(events.longValue()).isEqualTo(1);
        });
    }

    @Test
    void fieldUpdateRefusesWhenTheDealChangedSinceTheDraft() {
        Deal deal = crm.deal(account, "Moving", DealStage.PROPOSAL, alice);
        // within the guardrails' amount-change threshold (GR-14: above 20% waits for the manager)
        Action action = approved(actions.fieldUpdate(deal.id, "amount", "13000"));
        ActionFixtures.as(alice).body(Map.of("amount", 9000, "version", deal.version)).patch("/api/deals/{id}", deal.id)
                .then().statusCode(200);
        executor.runDue();

        ActionFixtures.failedForGood(action.id, "not '12000.00' as when the change was drafted");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Deal.<Deal>findById(deal.id).amount.toPlainString())).isEqualTo("9000.00");
    }

    @Test
    void taskActionCreatesOneCrmTaskEvenWhenRecoveredAfterACrash() throws Exception {
        Deal deal = crm.deal(account, "Tasked", DealStage.QUALIFICATION, alice);
        Action action = approved(actions.task(account.id, deal.id, "Send the case study " + CrmFixtures.unique("t"), LocalDate.of(2030, 1, 15)));
        claim(action.id);
        String ref = tasks.execute(action.id); // applied, then the instance dies
        Thread.sleep(1200);
        executor.runDue();

        Action done = ActionFixtures.load(action.id);
        assertThat(done.status).isEqualTo(ActionStatus.EXECUTED);
        assertThat(done.externalRef).isEqualTo(ref);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Task> tasks = Task.list("subject", action.subject);
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).owner.id).isEqualTo(alice.id);
            assertThat(tasks.get(0).deal.id).isEqualTo(deal.id);
            assertThat(tasks.get(0).dueDate).isEqualTo(LocalDate.of(2030, 1, 15));
        });
    }

    /** Claims this very action as the executor would (the test drives one action at a time). */
    private void claim(long id) {
        ActionFixtures.claim(executor, id);
    }
}
