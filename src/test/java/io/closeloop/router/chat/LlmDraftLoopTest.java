package io.closeloop.router.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.closeloop.router.chat.ChatResourceTest.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.assistant.EmailText;
import io.closeloop.agents.assistant.ObjectionResponse;
import io.closeloop.agents.support.Interactions;
import io.closeloop.agents.support.LlmOnlineProfile;
import io.closeloop.agents.support.ScriptedLlmServer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.router.learn.RetrainService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM output end to end, against the scripted OpenAI-compatible server: the agent checks its
 * output (an e-mail draft, or an answer such as an objection response) with the guardrails; a
 * blocked output goes back to the model once with the violations (rule id, message, remedy) in a
 * new request; the clean revision is what the rep sees, with the verdict history, and what is
 * queued; a revision that is still blocked is withheld (labelled fallback), never shown and never
 * queued. The router does not check again what the agent checked.
 */
@QuarkusTest
@TestProfile(LlmOnlineProfile.class)
class LlmDraftLoopTest {

    static final String BAD = "Hi Grace,\n\nwe can give you a 40% discount on Closeloop Insights Pro if you sign this quarter.\n\nBest, the team";
    static final String CLEAN = "Hi Grace,\n\nthank you for asking about Closeloop Insights Pro for your 40 seats. I will send the"
            + " pricing details and can walk you through them on a call.\n\nBest, the team";

    @Inject
    GuardrailFixtures guardrails;
    @Inject
    Interactions history;
    @Inject
    RetrainService retraining;
    @Inject
    AgentDispatcher agents;
    @Inject
    CrmFixtures crm;

    GuardrailFixtures.Scene scene;
    long pricing;
    static boolean warm;

    @BeforeEach
    void setUp() {
        retraining.serving();
        ScriptedLlmServer.server().resetAll();
        if (!warm) {
            ScriptedLlmServer.warmUp(agents, crm.rep("warmup", RepRole.REP, null));
            warm = true;
        }
        scene = guardrails.scene(false);
        pricing = history.add(scene.rep(), scene.account().id, "EMAIL", "INBOUND", "2026-11-10T09:00:00Z", "Pricing question",
                "Hi, could you send pricing for Closeloop Insights Pro for 40 seats?");
    }

    String email(String body) {
        return ScriptedLlmServer.completion(ScriptedLlmServer.json(new EmailText("Closeloop Insights Pro pricing", body, List.of(pricing),
                "Answers the pricing question")));
    }

    JsonPath chat() {
        return as(scene.rep()).body(Map.of("message", "Draft an email to Grace with the Insights Pro pricing she asked for", "accountId",
                scene.account().id, "contactId", scene.granted().id)).post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    static String userMessage(JsonNode request) {
        List<String> parts = new ArrayList<>();
        request.get("messages").forEach(m -> parts.add(m.path("content").asText("")));
        return String.join("\n", parts);
    }

    @Test
    void aBlockedDraftIsRevisedWithItsViolationsAndTheRepSeesAndGetsQueuedOnlyTheCleanRevision() {
        ScriptedLlmServer.script(okJson(email(BAD)), okJson(email(CLEAN)));
        JsonPath r = chat();

        assertThat(r.getString("route.agentIntent")).isIn("draft_email", "reply_email");
        List<JsonNode> sent = ScriptedLlmServer.requests();
        assertThat(sent).hasSize(2);
        String revision = userMessage(sent.get(1));
        assertThat(revision).contains("GR-02", "The draft offers a discount the price book never allows for this product",
                "Stay within the product's maximum discount in the price book", "40% discount");
        assertThat(userMessage(sent.get(0))).doesNotContain("GR-02");

        assertThat(r.getString("text")).contains("thank you for asking about Closeloop Insights Pro").doesNotContain("40%");
        assertThat(r.getString("proposals[0].action.body")).isEqualTo(CLEAN);
        assertThat(r.getString("proposals[0].verdict")).isEqualTo("ALLOW");
        List<Map<String, Object>> verdicts = r.getList("guardrails");
        assertThat(verdicts).extracting(v -> v.get("subject") + " " + v.get("verdict")).contains("action[0] draft 1 BLOCK", "action[0] ALLOW");
        assertThat(r.getList("guardrails.find { it.subject == 'action[0] draft 1' }.rules", String.class)).contains("GR-02");
        assertThat(r.getList("notices", String.class)).anyMatch(n -> n.contains("revised it once"));

        List<Integer> ids = r.getList("draftedActionIds", Integer.class);
        assertThat(ids).hasSize(1);
        Action action = QuarkusTransaction.requiringNew().call(() -> {
            Action a = Action.findById((long) ids.get(0));
            a.recipients.size();
            a.evidenceInteractionIds.size();
            return a;
        });
        assertThat(action.body).isEqualTo(CLEAN);
        assertThat(action.origin).isEqualTo(ActionOrigin.CHAT);
        assertThat(action.agent).isEqualTo("llm-agent");
        assertThat(action.route).isEqualTo("chat/llm-agent");
        assertThat(action.recipients).containsExactly(scene.granted().email);
        assertThat(action.evidenceInteractionIds).containsExactly(pricing);
        assertThat(action.guardrailVerdict).isEqualTo("ALLOW");
        assertThat(action.guardrailVerdictId).isEqualTo(r.getLong("guardrails.find { it.subject == 'action[0]' }.verdictId"));
    }

    @Test
    void aRevisionThatIsStillBlockedIsWithheldNeverShownAndNeverQueued() {
        ScriptedLlmServer.script(okJson(email(BAD)), okJson(email(BAD.replace("40%", "45%"))));
        JsonPath r = chat();

        assertThat(ScriptedLlmServer.requests()).hasSize(2);
        assertThat(r.getString("text")).doesNotContain("40%", "45%").contains("could not produce a version that passes the company's rules")
                .contains("GR-02");
        assertThat(r.getList("proposals")).isEmpty();
        assertThat(r.getList("draftedActionIds")).isEmpty();
        assertThat(r.getString("badge.mode")).isEqualTo("LLM");
        assertThat(r.getList("notices", String.class)).anyMatch(n -> n.contains("withheld"));
        List<Map<String, Object>> verdicts = r.getList("guardrails");
        assertThat(verdicts).extracting(v -> v.get("subject") + " " + v.get("verdict"))
                .contains("withheld-draft draft 1 BLOCK", "withheld-draft draft 2 BLOCK");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Action.count("originRef", "route-decision:" + r.getLong("decisionId"))))
                .isZero();
    }

    String objection(String response) {
        return ScriptedLlmServer.completion(ScriptedLlmServer.json(new ObjectionResponse(response, List.of("Value per seat"), List.of(pricing))));
    }

    JsonPath objectionChat() {
        return as(scene.rep()).body(Map.of("message", "the customer says we're too expensive, how do I respond", "accountId",
                scene.account().id, "contactId", scene.granted().id)).post("/api/chat").then().statusCode(200).extract().jsonPath();
    }

    long storedChatAnswerChecks(long decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.count("subjectKind = ?1 and subjectId = ?2", "chat-answer",
                Long.toString(decisionId)));
    }

    @Test
    void aBlockedChatAnswerIsRevisedOnceAndTheResponseShowsBothRounds() {
        ScriptedLlmServer.script(okJson(objection("Share the comparison at https://crm-compare-deals.net/closeloop with them.")),
                okJson(objection("Walk them through the value per seat of Closeloop Insights Pro.")));
        JsonPath r = objectionChat();

        assertThat(r.getString("route.agentIntent")).isEqualTo("objection_handling");
        List<JsonNode> sent = ScriptedLlmServer.requests();
        assertThat(sent).hasSize(2);
        assertThat(userMessage(sent.get(1))).contains("- GR-20: The text links to a domain that is not on the allow-list",
                "crm-compare-deals.net", "Link only to the company's and the account's own domains");
        assertThat(r.getString("text")).startsWith("Walk them through the value per seat").doesNotContain("crm-compare-deals");
        assertThat(r.getString("badge.mode")).isEqualTo("LLM");
        List<Map<String, Object>> verdicts = r.getList("guardrails");
        assertThat(verdicts).extracting(v -> v.get("subject") + " " + v.get("verdict")).containsExactly("answer draft 1 BLOCK", "answer ALLOW");
        assertThat(r.getList("guardrails.find { it.subject == 'answer draft 1' }.rules", String.class)).contains("GR-20");
        assertThat(r.getList("notices", String.class)).anyMatch(n -> n.contains("revised it once"));
        long decision = r.getLong("decisionId");
        assertThat(storedChatAnswerChecks(decision)).as("the router reuses the agent's checks").isZero();
        for (Map<String, Object> v : verdicts) {
            GuardrailVerdict row = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.<GuardrailVerdict>findById(
                    ((Number) v.get("verdictId")).longValue()));
            assertThat(row.subjectKind).isEqualTo("llm-objection-response");
            assertThat(row.traceId).isEqualTo(r.getString("traceId"));
        }
    }

    @Test
    void aChatAnswerThatIsStillBlockedAfterItsRevisionIsWithheld() {
        ScriptedLlmServer.script(okJson(objection("Share the comparison at https://crm-compare-deals.net/closeloop with them.")),
                okJson(objection("See https://crm-compare-deals.net/rival for the numbers.")));
        JsonPath r = objectionChat();

        assertThat(ScriptedLlmServer.requests()).hasSize(2);
        assertThat(r.getString("text")).contains("could not produce a version that passes the company's rules", "GR-20")
                .doesNotContain("crm-compare-deals", "Value per seat");
        assertThat(r.getList("citations")).isEmpty();
        assertThat(r.getList("guardrails")).extracting(v -> ((Map<?, ?>) v).get("subject") + " " + ((Map<?, ?>) v).get("verdict"))
                .containsExactly("withheld-answer draft 1 BLOCK", "withheld-answer draft 2 BLOCK");
        assertThat(r.getList("notices", String.class)).anyMatch(n -> n.contains("withheld"));
    }
}
