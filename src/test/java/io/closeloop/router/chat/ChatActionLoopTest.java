package io.closeloop.router.chat;

import static io.closeloop.router.chat.ChatResourceTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.router.learn.IntentCandidate;
import io.closeloop.router.learn.RetrainService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat closes the loop: proposals the guardrails did not block become drafted actions in the
 * rep's queue (router's ChatActionHandoff over the action loop's ActionDrafts), with the chat as
 * origin, the agent and route, and the verdict the chat computed; a retried request does not queue
 * twice; a blocked proposal is never queued. No LLM is configured: these go to small agents.
 */
@QuarkusTest
class ChatActionLoopTest {

    @Inject
    CrmFixtures crm;

    @Inject
    RetrainService retraining;

    Rep alice;
    Rep maria;
    Account account;

    @BeforeEach
    void setUp() {
        Team team = crm.team("loop");
        maria = crm.rep("maria", RepRole.MANAGER, team);
        alice = crm.rep("alice", RepRole.REP, team);
        QuarkusTransaction.requiringNew().run(() -> Rep.<Rep>findById(alice.id).manager = Rep.findById(maria.id));
        account = crm.account("Loopline Freight", alice);
        retraining.serving(); // trains and promotes the intent classifier on first use
    }

    /**
     * The account is in the request's context, not in the message: the messages carry no random
     * part, so the (deterministically trained) intent model routes them the same way every run.
     */
    private JsonPath chat(String message, Long dealId) {
        Map<String, Object> body = dealId == null ? Map.of("message", message, "accountId", account.id)
                : Map.of("message", message, "accountId", account.id, "dealId", dealId);
        return as(alice).body(body).post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    private static long verdicts(String kind) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.count("subjectKind", kind));
    }

    private static List<Action> actionsFrom(long decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> Action.<Action>list("originRef", "route-decision:" + decisionId));
    }

    @Test
    void aProposedTaskIsQueuedForTheRepWithItsOriginVerdictAndRoute() {
        long actionChecks = verdicts("action");
        JsonPath r = chat("create a task to send the security whitepaper", null);
        assertThat(r.getString("route.intent")).isEqualTo("create_task");
        assertThat(r.getString("route.route")).isEqualTo("SMALL_AGENT");
        long decision = r.getLong("decisionId");
        List<Integer> ids = r.getList("draftedActionIds", Integer.class);
        assertThat(ids).hasSize(1);
        assertThat(r.getInt("proposals[0].actionId")).isEqualTo(ids.get(0));
        assertThat(r.getString("guardrails[1].subject")).isEqualTo("action[0]");
        long chatVerdict = r.getLong("guardrails[1].verdictId");

        as(alice).get("/api/actions?status=DRAFTED&size=500").then().statusCode(200).body("items.id", hasItem(ids.get(0)));
        as(alice).get("/api/actions/{id}", ids.get(0)).then().statusCode(200)
                .body("type", equalTo("TASK"))
                .body("origin", equalTo(ActionOrigin.CHAT.name()))
                .body("originRef", equalTo("route-decision:" + decision))
                .body("agent", equalTo("create-task"))
                .body("route", equalTo("chat/small-agent"))
                .body("owner.id", equalTo(alice.id.intValue()))
                .body("accountId", equalTo(account.id.intValue()))
                .body("guardrail.verdict", equalTo("ALLOW"))
                .body("guardrail.verdictId", equalTo((int) chatVerdict));
        assertThat(verdicts("action")).as("the chat's verdict is used, not a second check").isEqualTo(actionChecks);
    }

    @Test
    void aRetriedChatRequestDoesNotQueueTheSameProposalTwice() {
        String message = "create a task to send the security whitepaper"; // routes confidently (1.000 against 0.986)
        JsonPath first = chat(message, null);
        assertThat(first.getString("route.route")).isEqualTo("SMALL_AGENT");
        JsonPath retry = chat(message, null);
        assertThat(retry.getLong("decisionId")).isNotEqualTo(first.getLong("decisionId"));
        assertThat(retry.getList("draftedActionIds", Integer.class)).isEqualTo(first.getList("draftedActionIds", Integer.class)).hasSize(1);
        assertThat(retry.getList("notices", String.class)).anyMatch(n -> n.contains("already queued today"));
        assertThat(actionsFrom(first.getLong("decisionId"))).hasSize(1);
        assertThat(actionsFrom(retry.getLong("decisionId"))).isEmpty();
    }

    @Test
    void aStageJumpNeedsTheManagersApprovalBeforeTheRepSeesItAsActionable() {
        Deal deal = crm.deal(account, "Loopline renewal", DealStage.QUALIFICATION, alice);
        JsonPath r = chat("move the Loopline renewal deal to closed won", deal.id);
        assertThat(r.getString("route.intent")).isEqualTo("update_field");
        assertThat(r.getString("proposals[0].verdict")).isEqualTo("NEEDS_APPROVAL");
        int id = r.getInt("draftedActionIds[0]");
        Action action = QuarkusTransaction.requiringNew().call(() -> Action.findById((long) id));
        assertThat(action.status).isEqualTo(ActionStatus.NEEDS_APPROVAL);
        assertThat(action.guardrailRules).contains("GR-13");
        assertThat(action.fieldName).isEqualTo("stage");
        assertThat(action.newValue).isEqualTo("CLOSED_WON");
        as(maria).body(Map.of("version", action.version)).post("/api/actions/{id}/manager-approval", id).then().statusCode(200)
                .body("status", equalTo("APPROVED_BY_MANAGER"));
    }

    @Test
    void aBlockedProposalIsNeverQueued() {
        JsonPath r = chat("create a task to send the {{contract_name}} draft", null);
        assertThat(r.getString("route.intent")).isEqualTo("create_task");
        assertThat(r.getString("proposals[0].verdict")).isEqualTo("BLOCK");
        assertThat(r.getBoolean("proposals[0].accepted")).isFalse();
        assertThat(r.getList("draftedActionIds")).isEmpty();
        assertThat(r.getString("proposals[0].actionId")).isNull();
        assertThat(actionsFrom(r.getLong("decisionId"))).isEmpty();
    }

    @Test
    void approvingTheDraftedActionMakesTheMessageAnAcceptedTrainingCandidateAndRejectingDoesNot() {
        JsonPath approved = chat("create a task to send the security whitepaper", null);
        long approvedDecision = approved.getLong("decisionId");
        long approvedAction = approved.getList("draftedActionIds", Long.class).get(0);
        assertThat(candidates(approvedDecision)).as("nothing is learnt before the rep decides").isEmpty();
        int version = as(alice).get("/api/actions/{id}", approvedAction).then().statusCode(200).extract().path("version");
        as(alice).body(Map.of("version", version)).post("/api/actions/{id}/approve", approvedAction).then().statusCode(200);
        assertThat(candidates(approvedDecision)).containsExactly("ACCEPTED:create_task");

        JsonPath rejected = chat("create a task to call their CFO about the renewal", null);
        long rejectedDecision = rejected.getLong("decisionId");
        long rejectedAction = rejected.getList("draftedActionIds", Long.class).get(0);
        int rejectedVersion = as(alice).get("/api/actions/{id}", rejectedAction).then().statusCode(200).extract().path("version");
        as(alice).body(Map.of("version", rejectedVersion, "reason", "NOT_NEEDED_NOW"))
                .post("/api/actions/{id}/reject", rejectedAction).then().statusCode(200);
        assertThat(candidates(rejectedDecision)).as("a rejected draft says nothing about the route").isEmpty();
    }

    private static List<String> candidates(long decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> IntentCandidate.<IntentCandidate>list("decisionId", decisionId)
                .stream().map(c -> c.source + ":" + c.label).toList());
    }
}
