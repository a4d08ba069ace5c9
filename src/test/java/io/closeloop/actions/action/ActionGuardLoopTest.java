package io.closeloop.actions.action;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.feedback.Feedback;
import io.closeloop.actions.signal.InteractionSignal;
import io.closeloop.actions.signal.SignalIntake;
import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every draft stored by the action loop carries a real guardrail verdict (actions' ActionGuard over
 * the guardrails' GuardrailService): from a signal, from the REST API. BLOCK is stored rejected and
 * never offered to the rep; REPAIR stores the repaired text; NEEDS_APPROVAL waits for the manager.
 */
@QuarkusTest
class ActionGuardLoopTest {

    static final String CHURN = "We are seriously considering cancelling our contract; the outages have been unacceptable.";
    static final AtomicLong INTERACTION = new AtomicLong(System.nanoTime() % 1_000_000_000L + 7_000_000_000L);

    @Inject
    GuardrailFixtures guardrails;

    @Inject
    SignalIntake intake;

    @Inject
    ActionFixtures actions;

    GuardrailFixtures.Scene scene;

    @BeforeEach
    void setUp() {
        scene = guardrails.scene(false);
    }

    static Action reload(Long id) {
        return ActionFixtures.load(id);
    }

    Response draftEmail(String to, String subject, String body) {
        return as(scene.rep()).body(Map.of("type", "EMAIL", "accountId", scene.account().id, "recipients", List.of(to), "subject", subject,
                "body", body, "agent", "rest-client", "route", "api")).post("/api/actions");
    }

    @Test
    void aSignalDraftedRetentionEmailToAnOptedOutContactIsBlockedAndNeverOfferedToTheRep() {
        // the customer's mail was not matched to a contact, so the reply goes to its sender: a contact who opted out
        InteractionSignal mail = new InteractionSignal(INTERACTION.incrementAndGet(), scene.account().id, null, null, "EMAIL", "INBOUND",
                Instant.now(), "Contract", CHURN, scene.withdrawn().email, null, null);
        List<Action> drafted = intake.onInteraction(mail).stream().map(ActionGuardLoopTest::reload)
                .filter(a -> a.route.equals("signal/churn-risk")).toList(); // the mail may be an open request too: its own reply

        assertThat(drafted).hasSize(1);
        Action action = drafted.get(0);
        assertThat(action.type).isEqualTo(ActionType.EMAIL);
        assertThat(action.recipients).containsExactly(scene.withdrawn().email);
        assertThat(action.guardrailVerdict).isEqualTo("BLOCK");
        assertThat(action.guardrailRules).contains("GR-07");
        assertThat(action.status).isEqualTo(ActionStatus.REJECTED);
        GuardrailVerdict stored = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.findById(action.guardrailVerdictId));
        assertThat(stored.subjectKind).isEqualTo(GuardrailActionGuard.SUBJECT_KIND);
        assertThat(stored.subjectId).isEqualTo(action.dedupeKey);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Feedback.count("actionId = ?1 and reasonCode = ?2", action.id,
                io.closeloop.actions.feedback.RejectionReason.GUARDRAIL_BLOCKED))).isEqualTo(1);
        // not in the rep's queue of things to decide, and no decision can revive it
        as(scene.rep()).get("/api/actions?status=DRAFTED,NEEDS_APPROVAL,APPROVED_BY_MANAGER&size=500").then().statusCode(200)
                .body("items.id", not(hasItem(action.id.intValue())));
        as(scene.rep()).body(Map.of("version", action.version)).post("/api/actions/" + action.id + "/approve").then().statusCode(409);
    }

    @Test
    void aSignalDraftedRetentionEmailToAConsentingContactIsAllowedAndQueued() {
        InteractionSignal mail = new InteractionSignal(INTERACTION.incrementAndGet(), scene.account().id, scene.granted().id, null, "EMAIL",
                "INBOUND", Instant.now(), "Contract", CHURN, scene.granted().email, null, null);
        Action action = intake.onInteraction(mail).stream().map(ActionGuardLoopTest::reload)
                .filter(a -> a.route.equals("signal/churn-risk")).findFirst().orElseThrow();
        assertThat(action.guardrailVerdict).isEqualTo("ALLOW");
        assertThat(action.guardrailVerdictId).isNotNull();
        assertThat(action.status).isEqualTo(ActionStatus.DRAFTED);
    }

    @Test
    void aPriceThatDiffersFromThePriceBookIsRepairedInTheStoredDraft() {
        Response r = draftEmail(scene.granted().email, "Your quote", "Hi Grace, Closeloop Insights Pro is USD 1,350 per seat per year.");
        r.then().statusCode(201).body("guardrail.verdict", equalTo("REPAIR")).body("guardrail.rules", contains("GR-05"))
                .body("status", equalTo("DRAFTED"));
        Action action = reload(r.jsonPath().getLong("id"));
        assertThat(action.body).doesNotContain("1,350").contains("1,200");
        assertThat(action.draftBody).isEqualTo(action.body); // the rep's edits are measured from the repaired draft
    }

    @Test
    void anEditAtApprovalIsCheckedLikeTheDraftAndRefusedWithItsRulesWhenItWouldNotPass() {
        Action draft = reload(draftEmail(scene.granted().email, "Your renewal", "Hi Grace, shall we talk about the renewal?")
                .then().statusCode(201).body("guardrail.verdict", equalTo("ALLOW")).extract().jsonPath().getLong("id"));

        // the rep re-addresses it to a contact who opted out: refused, nothing changed
        as(scene.rep()).body(Map.of("version", draft.version, "recipients", List.of(scene.withdrawn().email)))
                .post("/api/actions/{id}/approve", draft.id).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("recipients")).body("errors.reason", hasItem(containsString("GR-07")));
        // ... or promises a discount above their authority: it would need a manager's approval the action does not have
        as(scene.rep()).body(Map.of("version", draft.version, "body", "Hi Grace, we can offer a 15% discount on Closeloop Insights Pro."))
                .post("/api/actions/{id}/approve", draft.id).then().statusCode(422)
                .body("errors[0].field", equalTo("body")).body("errors.reason", hasItem(containsString("GR-01")));
        Action unchanged = reload(draft.id);
        assertThat(unchanged.status).isEqualTo(ActionStatus.DRAFTED);
        assertThat(unchanged.version).isEqualTo(draft.version);
        assertThat(unchanged.recipients).containsExactly(scene.granted().email);
        assertThat(unchanged.body).isEqualTo(draft.body);

        // an edit the rules allow goes through, with the verdict on the edited text recorded
        as(scene.rep()).body(Map.of("version", draft.version, "body", "Hi Grace, shall we meet on Friday about the renewal?"))
                .post("/api/actions/{id}/approve", draft.id).then().statusCode(200).body("status", equalTo("EDITED_AND_APPROVED"))
                .body("guardrail.verdict", equalTo("ALLOW"));
        Action approved = reload(draft.id);
        assertThat(approved.guardrailVerdictId).isNotEqualTo(draft.guardrailVerdictId);
        GuardrailVerdict stored = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.findById(approved.guardrailVerdictId));
        assertThat(stored.subjectId).isEqualTo("edit:" + draft.id + ":" + draft.version);
    }

    @Test
    void anEditNeedsNoSecondManagerApprovalForWhatTheManagerAlreadyApproved() {
        String offer = "Hi Grace, we can offer a 15% discount on Closeloop Insights Pro.";
        Action held = reload(draftEmail(scene.granted().email, "Your renewal", offer).then().statusCode(201)
                .body("status", equalTo("NEEDS_APPROVAL")).extract().jsonPath().getLong("id"));
        int version = as(scene.manager()).body(Map.of("version", held.version)).post("/api/actions/{id}/manager-approval", held.id)
                .then().statusCode(200).body("status", equalTo("APPROVED_BY_MANAGER")).extract().path("version");
        // a bigger discount than the manager approved is a new commitment ... (GR-02/GR-04 block it, or GR-01 holds it again)
        as(scene.rep()).body(Map.of("version", version, "body", offer.replace("15%", "60%"))).post("/api/actions/{id}/approve", held.id)
                .then().statusCode(422);
        // ... a wording edit of the same offer goes through
        as(scene.rep()).body(Map.of("version", version, "body", offer + " Best regards, Alice")).post("/api/actions/{id}/approve", held.id)
                .then().statusCode(200).body("status", equalTo("EDITED_AND_APPROVED")).body("guardrail.verdict", equalTo("NEEDS_APPROVAL"));
    }

    @Test
    void aDiscountAboveTheRepsAuthorityWaitsForTheManager() {
        Response r = draftEmail(scene.granted().email, "Your renewal", "Hi Grace, we can offer a 15% discount on Closeloop Insights Pro.");
        r.then().statusCode(201).body("guardrail.verdict", equalTo("NEEDS_APPROVAL")).body("guardrail.rules", hasItem("GR-01"))
                .body("status", equalTo("NEEDS_APPROVAL"));
    }

    @Test
    void aDraftThatAlreadyCarriesAVerdictIsNotCheckedAgain() {
        long before = verdicts();
        GuardrailCheck fromChat = new GuardrailCheck("ALLOW", 42L, List.of("GR-17"));
        Action action = actions.email(scene.account().id, scene.granted().id, scene.granted().email, "Hello", "Hi Grace.", fromChat);
        assertThat(verdicts()).isEqualTo(before);
        assertThat(reload(action.id).guardrailVerdictId).isEqualTo(42L);
        assertThat(reload(action.id).guardrailRules).containsExactly("GR-17");
    }

    @Test
    void aDraftWithoutAVerdictIsCheckedAndStoredWithItsVerdictId() {
        long before = verdicts();
        Action action = actions.email(scene.account().id, scene.granted().id, scene.granted().email, "Hello", "Hi Grace.", null);
        assertThat(verdicts()).isEqualTo(before + 1);
        assertThat(reload(action.id).guardrailVerdict).isEqualTo("ALLOW");
        assertThat(reload(action.id).guardrailVerdictId).isNotNull();
    }

    /** Verdicts stored so far, but for the recipients' checks of e-mails the executor sends meanwhile. */
    static long verdicts() {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.count("subjectKind <> ?1", GuardrailActionGuard.SEND_SUBJECT_KIND));
    }
}
