package io.closeloop.actions.action;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.SmtpServer;
import io.closeloop.actions.feedback.Feedback;
import io.closeloop.actions.feedback.FeedbackKind;
import io.closeloop.actions.feedback.RejectionReason;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rep's queue over REST: ownership, decisions, idempotent approval, optimistic locking, recorded transitions. */
@QuarkusTest
class ActionLifecycleTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Inject
    ObjectMapper json;

    Team east;
    Rep alice;
    Rep bob;
    Rep manager;
    Rep westManager;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        SmtpServer.get();
        east = crm.team("east");
        Team west = crm.team("west");
        alice = crm.rep("alice", RepRole.REP, east);
        bob = crm.rep("bob", RepRole.REP, east);
        manager = crm.rep("manager", RepRole.MANAGER, east);
        westManager = crm.rep("westmanager", RepRole.MANAGER, west);
        account = crm.account("Queue Co", alice);
        contact = crm.contact(account, "Dana", EmailConsent.GRANTED);
    }

    private Action draftEmail(GuardrailCheck check) {
        return actions.email(account.id, contact.id, contact.email, "Renewal " + CrmFixtures.unique("s"), "Hello Dana,\nshall we talk?", check);
    }

    @Test
    void draftIsInTheOwnersQueueAndHiddenFromOtherReps() {
        Action action = draftEmail(null);
        as(alice).get("/api/actions?status=DRAFTED").then().statusCode(200).body("items.id", hasItem(action.id.intValue()));
        as(alice).get("/api/actions/{id}", action.id).then().statusCode(200)
                .body("origin", equalTo("CHAT")).body("agent", equalTo("email-drafter")).body("route", equalTo("llm"))
                .body("evidenceInteractionIds", contains(11, 12)).body("guardrail.verdict", equalTo("ALLOW")); // checked by the guardrails when drafted (ActionGuardLoopTest)
        as(bob).get("/api/actions").then().statusCode(200).body("items.id", not(hasItem(action.id.intValue())));
        as(bob).get("/api/actions/{id}", action.id).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:closeloop:problem:not-found"));
        as(westManager).get("/api/actions/{id}", action.id).then().statusCode(404);
        as(manager).get("/api/actions/{id}", action.id).then().statusCode(200);
    }

    @Test
    void doubleClickOnApproveDecidesAndSendsOnce() throws Exception {
        Action action = draftEmail(null);
        Map<String, Object> body = Map.of("version", action.version);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> as(alice).body(body).post("/api/actions/{id}/approve", action.id).statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> as(alice).body(body).post("/api/actions/{id}/approve", action.id).statusCode());
        assertThat(List.of(first.get(), second.get())).containsOnly(200);
        as(alice).body(body).post("/api/actions/{id}/approve", action.id).then().statusCode(200);

        Action executed = ActionFixtures.await(action.id, ActionFixtures.status(ActionStatus.EXECUTED), Duration.ofSeconds(10));
        assertThat(executed.status).isEqualTo(ActionStatus.EXECUTED);
        Thread.sleep(600); // a few more executor polls
        assertThat(SmtpServer.to(contact.email)).hasSize(1);
        List<ActionStatus> path = QuarkusTransaction.requiringNew().call(() -> ActionEvent.of(action.id).stream().map(e -> e.toStatus).toList());
        assertThat(path).containsExactly(ActionStatus.DRAFTED, ActionStatus.APPROVED, ActionStatus.EXECUTING, ActionStatus.EXECUTED);
    }

    @Test
    void decisionOnAnOldVersionByAnotherPersonIsAConflict() {
        Action action = draftEmail(null);
        as(alice).body(Map.of("version", action.version, "reason", "NOT_NEEDED_NOW")).post("/api/actions/{id}/reject", action.id)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        as(manager).body(Map.of("version", action.version)).post("/api/actions/{id}/approve", action.id)
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:closeloop:problem:conflict"));
        as(alice).body(Map.of("version", action.version)).post("/api/actions/{id}/approve", action.id).then().statusCode(409);
        assertThat(ActionFixtures.load(action.id).status).isEqualTo(ActionStatus.REJECTED);
    }

    @Test
    void editedApprovalRecordsTheDraftTheFinalTextTheDistanceAndWhatChanged() throws Exception {
        Action action = draftEmail(null);
        as(alice).body(Map.of("version", action.version, "subject", action.subject, "body", "Hello Dana,\nshall we meet on Friday?"))
                .post("/api/actions/{id}/approve", action.id).then().statusCode(200).body("status", equalTo("EDITED_AND_APPROVED"));
        Feedback feedback = QuarkusTransaction.requiringNew().call(() -> Feedback.ofAction(action.id));
        assertThat(feedback.kind).isEqualTo(FeedbackKind.EDITED);
        assertThat(feedback.draftText).endsWith("Hello Dana,\nshall we talk?");
        assertThat(feedback.finalText).endsWith("Hello Dana,\nshall we meet on Friday?");
        assertThat(feedback.editDistance).isBetween(0.05, 0.5);
        JsonNode changes = json.readTree(feedback.changes);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("field").asText()).isEqualTo("body");
        assertThat(changes.get(0).get("final").asText()).isEqualTo("Hello Dana,\nshall we meet on Friday?");
        assertThat(feedback.byId).isEqualTo(alice.id);
    }

    @Test
    void rejectionNeedsAReasonAndKeepsReasonAndText() {
        Action action = draftEmail(null);
        as(alice).body(Map.of("version", action.version)).post("/api/actions/{id}/reject", action.id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        as(alice).body(Map.of("version", action.version, "reason", "OTHER")).post("/api/actions/{id}/reject", action.id)
                .then().statusCode(400).body("errors[0].field", equalTo("reasonText"));
        assertThat(ActionFixtures.load(action.id).status).isEqualTo(ActionStatus.DRAFTED);
        as(alice).body(Map.of("version", action.version, "reason", "WRONG_TONE", "reasonText", "too pushy"))
                .post("/api/actions/{id}/reject", action.id).then().statusCode(200).body("status", equalTo("REJECTED"));
        Feedback feedback = QuarkusTransaction.requiringNew().call(() -> Feedback.ofAction(action.id));
        assertThat(feedback.reasonCode).isEqualTo(RejectionReason.WRONG_TONE);
        assertThat(feedback.reasonText).isEqualTo("too pushy");
    }

    @Test
    void heldBackDraftNeedsTheTeamManagerBeforeTheRepCanApprove() {
        Action action = draftEmail(new GuardrailCheck("NEEDS_APPROVAL", 77L, List.of("DISCOUNT_ABOVE_AUTHORITY")));
        assertThat(action.status).isEqualTo(ActionStatus.NEEDS_APPROVAL);
        as(alice).body(Map.of("version", action.version)).post("/api/actions/{id}/approve", action.id)
                .then().statusCode(403).contentType("application/problem+json");
        as(alice).body(Map.of("version", action.version)).post("/api/actions/{id}/manager-approval", action.id).then().statusCode(403);
        as(westManager).body(Map.of("version", action.version)).post("/api/actions/{id}/manager-approval", action.id).then().statusCode(404);
        int version = as(manager).body(Map.of("version", action.version)).post("/api/actions/{id}/manager-approval", action.id)
                .then().statusCode(200).body("status", equalTo("APPROVED_BY_MANAGER")).extract().path("version");
        as(alice).body(Map.of("version", version, "reason", "NOT_NEEDED_NOW")).post("/api/actions/{id}/reject", action.id)
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        as(alice).get("/api/actions/{id}/history", action.id).then().statusCode(200)
                .body("to", contains("DRAFTED", "NEEDS_APPROVAL", "APPROVED_BY_MANAGER", "REJECTED"))
                .body("[2].actorId", equalTo(manager.id.intValue()))
                .body("[2].before.status", equalTo("NEEDS_APPROVAL"))
                .body("[2].after.status", equalTo("APPROVED_BY_MANAGER"));
    }

    @Test
    void blockedDraftIsStoredRejectedWithTheRulesAsReason() {
        Action action = draftEmail(new GuardrailCheck("BLOCK", 5L, List.of("PII_IN_EMAIL")));
        assertThat(action.status).isEqualTo(ActionStatus.REJECTED);
        Feedback feedback = QuarkusTransaction.requiringNew().call(() -> Feedback.ofAction(action.id));
        assertThat(feedback.reasonCode).isEqualTo(RejectionReason.GUARDRAIL_BLOCKED);
        assertThat(feedback.reasonText).isEqualTo("PII_IN_EMAIL");
    }

    @Test
    void invalidDraftNamesEveryBadFieldAndStoresNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Action.count());
        as(alice).body(Map.of("type", "EMAIL", "accountId", account.id, "recipients", List.of("not-an-address"), "subject", " ",
                "agent", "x", "route", "y")).post("/api/actions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                .body("errors.field", contains("recipients[0]", "subject", "body"));
        as(bob).body(Map.of("type", "TASK", "accountId", account.id, "subject", "s", "agent", "x", "route", "y")).post("/api/actions")
                .then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Action.count())).isEqualTo(before);
    }

    @Test
    void draftForAnUnownedSharedAccountWaitsInTheTeamQueueUntilATeamRepTakesIt() {
        Account unowned = crm.account("Unowned Co", null);
        crm.share(unowned, east);
        Action action = actions.task(unowned.id, null, "Call the new lead", null);
        as(bob).get("/api/actions?status=DRAFTED&size=500").then().body("items.id", hasItem(action.id.intValue()));
        as(alice).get("/api/actions?status=DRAFTED&size=500").then().body("items.id", hasItem(action.id.intValue()));
        as(bob).body(Map.of("version", action.version)).post("/api/actions/{id}/approve", action.id)
                .then().statusCode(200).body("owner.id", equalTo(bob.id.intValue()));
        as(alice).get("/api/actions/{id}", action.id).then().statusCode(404);
    }
}
