package io.closeloop.router.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.router.learn.RetrainService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/chat/stream: the stages of one request as server-sent events, in order, the answer only
 * after the guardrails, and the same response as POST /api/chat at the end (offline mode: no LLM).
 */
@QuarkusTest
class ChatStreamResourceTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    RetrainService retraining;
    @Inject
    ObjectMapper json;

    Rep rep;
    Account account;

    @BeforeEach
    void setUp() {
        rep = fixtures.rep("streamer", RepRole.REP, fixtures.team("stream"));
        account = fixtures.account("Stream Co", rep);
        retraining.serving();
    }

    private RequestSpecification as(Rep r) {
        return given().auth().preemptive().basic(r.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    record Event(String name, JsonNode data) {
    }

    private List<Event> events(String body) throws Exception {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (name != null) {
                events.add(new Event(name, json.readTree(data.toString())));
            }
        }
        return events;
    }

    @Test
    void streamsRouteEvidenceValidatedAnswerActionsAndDoneInThatOrder() throws Exception {
        as(rep).body(Map.of("externalId", CrmFixtures.unique("mail"), "channel", "EMAIL", "direction", "INBOUND",
                "occurredAt", "2026-11-01T10:00:00Z", "accountId", account.id, "subject", "Renewal concerns",
                "body", "We are unhappy with the renewal price and consider leaving.", "fromEmail", "buyer@" + account.domain))
                .post("/api/interactions").then().statusCode(org.hamcrest.Matchers.lessThan(300));

        String body = as(rep).accept("text/event-stream").body(Map.of("message", "Summarize this account and its open issues",
                "accountId", account.id)).post("/api/chat/stream").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/event-stream")).extract().asString();
        List<Event> events = events(body);

        assertThat(events).extracting(Event::name).containsExactly("route", "evidence", "answer", "actions", "done");
        JsonNode route = events.get(0).data();
        JsonNode answer = events.get(2).data();
        JsonNode done = events.get(4).data();
        assertThat(route.get("decisionId").asLong()).isEqualTo(done.get("decisionId").asLong());
        assertThat(route.get("route").get("intent").asText()).isEqualTo(done.get("route").get("intent").asText());
        assertThat(route.get("expected").get("mode").asText()).isIn("SMALL_MODEL", "LLM", "OFFLINE");
        // the answer event carries the validated text: exactly what the JSON API returns as the answer
        assertThat(answer.get("text").asText()).isEqualTo(done.get("text").asText()).isNotBlank();
        assertThat(answer.get("badge").get("mode").asText()).isEqualTo(done.get("badge").get("mode").asText());
        assertThat(events.get(1).data().get("citations")).isEqualTo(done.get("citations"));
        assertThat(events.get(3).data().get("draftedActionIds")).isEqualTo(done.get("draftedActionIds"));
        assertThat(done.get("latency").get("totalMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aFailureAfterTheStreamBeganIsAProblemEventAndNoAnswer() throws Exception {
        Account hidden = fixtures.account("Hidden Co", fixtures.rep("stranger", RepRole.REP, fixtures.team("elsewhere")));
        Map<String, Object> body = Map.of("message", "Summarize this account and its open issues", "accountId", hidden.id);
        int status = as(rep).body(body).post("/api/chat").then().extract().statusCode(); // the JSON API, same request

        List<Event> events = events(as(rep).accept("text/event-stream").body(body).post("/api/chat/stream").then().statusCode(200)
                .extract().asString());
        assertThat(events).extracting(Event::name).containsExactly("route", "problem");
        JsonNode problem = events.get(1).data();
        assertThat(problem.get("status").asInt()).isEqualTo(status).isEqualTo(404);
        assertThat(problem.get("type").asText()).startsWith("urn:closeloop:problem:");
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void aRequestRefusedBeforeAnyStageIsAnOrdinaryProblem() {
        as(rep).accept("text/event-stream").body(Map.of("message", "  ")).post("/api/chat/stream").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("message"));
    }

    @Test
    void needsSignIn() {
        given().contentType(ContentType.JSON).body(Map.of("message", "hello")).post("/api/chat/stream").then().statusCode(401);
    }
}
