package io.closeloop.actions.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.SmtpServer;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionEvent;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.actions.action.GuardrailActionGuard;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GR-07 at sending time: the recipients of an approved e-mail are checked again, with the
 * guardrails' own recipient rules, in the attempt that would send it. A contact who opted out after
 * the approval (or during an SMTP outage) is not mailed; the action fails for good with the rule and
 * the recipient named. Real PostgreSQL, the in-process SMTP server, the executor driven by the test.
 */
@QuarkusTest
@TestProfile(ManualExecutionProfile.class)
class ConsentAtSendingTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Inject
    ActionExecutor executor;

    @Inject
    ExecutionReceipts receipts;

    Rep alice;
    Account account;
    Contact erin;

    @BeforeEach
    void setUp() {
        SmtpServer.get();
        alice = crm.rep("alice", RepRole.REP, crm.team("consent"));
        account = crm.account("Consent Co", alice);
        erin = crm.contact(account, "Erin", EmailConsent.GRANTED);
    }

    @Test
    void contactWhoOptsOutAfterApprovalIsNotMailedAndTheActionFailsForGood() {
        Action action = approved(email(erin.email));
        optOut(erin);
        executor.runDue();

        Action failed = ActionFixtures.failedForGood(action.id, "GR-07: " + erin.email.toLowerCase() + " has e-mail consent WITHDRAWN");
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(failed.lastError).contains("not sent");
        assertThat(SmtpServer.to(erin.email)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> receipts.find(Action.findById(action.id)))).as("no receipt").isEmpty();

        // the rep sees it: the action's API view, its history, and the failed event every failure publishes
        ActionFixtures.as(alice).get("/api/actions/{id}", action.id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("lastError", containsString("GR-07: " + erin.email.toLowerCase() + " has e-mail consent WITHDRAWN"));
        List<String> history = notes(action.id);
        assertThat(history.get(history.size() - 1)).contains("GR-07").contains("failed for good after 1 attempt(s)");
        assertThat(failedEvents(action.id)).isEqualTo(1);

        // the check is a guardrail verdict like any other
        GuardrailVerdict verdict = sendVerdict(action.id, 1);
        assertThat(verdict.verdict).isEqualTo("BLOCK");
        assertThat(verdict.ruleIds).containsExactly("GR-07");
        assertThat(verdict.repId).isEqualTo(alice.id);
    }

    @Test
    void contactWhoOptsOutDuringAnSmtpOutageIsNotMailedWhenSmtpReturns() throws Exception {
        Action action = approved(email(erin.email));
        SmtpServer.stop();
        try {
            executor.runDue();
            Action waiting = ActionFixtures.load(action.id);
            assertThat(waiting.status).isEqualTo(ActionStatus.FAILED);
            assertThat(waiting.nextAttemptAt).as("an SMTP outage is retried").isNotNull();
            assertThat(sendVerdict(action.id, 1).verdict).as("consent was still granted at the first attempt").isEqualTo("ALLOW");
            optOut(erin);
        } finally {
            SmtpServer.get();
        }
        Action waiting = ActionFixtures.load(action.id);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), waiting.nextAttemptAt).toMillis()) + 50);
        executor.runDue();

        Action failed = ActionFixtures.failedForGood(action.id, "GR-07: " + erin.email.toLowerCase() + " has e-mail consent WITHDRAWN");
        assertThat(failed.attempts).as("history: %s", notes(action.id)).isEqualTo(2);
        Thread.sleep(300);
        assertThat(SmtpServer.to(erin.email)).isEmpty();
    }

    @Test
    void oneRecipientWhoOptedOutStopsTheWholeEmail() {
        Contact frank = crm.contact(account, "Frank", EmailConsent.GRANTED);
        Action action = approved(email(erin.email, frank.email));
        optOut(frank);
        executor.runDue();

        Action failed = ActionFixtures.failedForGood(action.id, "GR-07: " + frank.email.toLowerCase());
        assertThat(failed.lastError).doesNotContain(erin.email.toLowerCase());
        assertThat(SmtpServer.to(erin.email)).isEmpty();
        assertThat(SmtpServer.to(frank.email)).isEmpty();
    }

    @Test
    void erasedRecipientIsNotMailed() {
        Rep admin = crm.rep("admin", RepRole.ADMIN, null);
        Action action = approved(email(erin.email));
        ActionFixtures.as(admin).queryParam("reason", "GDPR art. 17").delete("/api/admin/contacts/{id}", erin.id).then().statusCode(200);
        executor.runDue();

        ActionFixtures.failedForGood(action.id, "GR-08: [erased] is not a contact of this account");
        assertThat(SmtpServer.to(erin.email)).isEmpty();
    }

    @Test
    void contactWithConsentGetsExactlyOneMail() throws Exception {
        Action action = approved(email(erin.email));
        executor.runDue();

        assertThat(ActionFixtures.load(action.id).status).isEqualTo(ActionStatus.EXECUTED);
        Thread.sleep(300);
        assertThat(SmtpServer.to(erin.email)).hasSize(1);
        assertThat(sendVerdict(action.id, 1).verdict).isEqualTo("ALLOW");
    }

    private Action email(String... to) {
        return actions.draft(new DraftRequest(ActionType.EMAIL, account.id, erin.id, null, null, List.of(to),
                "Quote " + CrmFixtures.unique("q"), "Dear all,\n\nthe quote is attached.\n\nBest, Alice", null, null, null, null,
                ActionOrigin.CHAT, "chat-request:1", "email-drafter", "llm", List.of(), null, null, null));
    }

    private Action approved(Action draft) {
        assertThat(draft.guardrailVerdict).as("consent granted when drafted").isEqualTo("ALLOW");
        return ActionFixtures.approve(alice, draft);
    }

    /** The contact opts out through the CRM's API, as a rep records it. */
    private void optOut(Contact contact) {
        int version = ActionFixtures.as(alice).get("/api/contacts/{id}", contact.id).then().statusCode(200).extract().path("version");
        ActionFixtures.as(alice).body(Map.of("emailConsent", "WITHDRAWN", "version", version)).patch("/api/contacts/{id}", contact.id)
                .then().statusCode(200).body("emailConsent", equalTo("WITHDRAWN"));
    }

    private static List<String> notes(long actionId) {
        return QuarkusTransaction.requiringNew().call(() -> ActionEvent.of(actionId).stream()
                .map(e -> e.toStatus + ": " + e.note).toList());
    }

    private static long failedEvents(long actionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager().createNativeQuery("""
                select count(*) from outbox where event_type = 'actions.action.failed' and (payload ->> 'actionId')::bigint = :id""")
                .setParameter("id", actionId).getSingleResult()).longValue());
    }

    private static GuardrailVerdict sendVerdict(long actionId, int attempt) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.<GuardrailVerdict>find("subjectKind = ?1 and subjectId = ?2",
                GuardrailActionGuard.SEND_SUBJECT_KIND, actionId + ":" + attempt).singleResult());
    }
}
