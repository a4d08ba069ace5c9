package io.closeloop.guardrails.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalogue API, the check API with its stored verdict, input problems, visibility and statistics. */
@QuarkusTest
class GuardrailResourceTest {

    @Inject
    GuardrailFixtures fixtures;

    GuardrailFixtures.Scene scene;

    @BeforeEach
    void setUp() {
        scene = fixtures.scene(false);
    }

    static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    Map<String, Object> email(String body, String... recipients) {
        return Map.of("channel", "EMAIL", "accountId", scene.account().id, "recipients", List.of(recipients),
                "subject", "Following up", "body", body);
    }

    @Test
    void catalogueListsEveryRuleWithIdSeverityMessageAndRemedy() {
        as(scene.rep()).get("/api/guardrails/rules").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(15))
                .body("id", hasItems("GR-01", "GR-02", "GR-04", "GR-05", "GR-07", "GR-08", "GR-10", "GR-15", "GR-19", "GR-20"))
                .body("severity", everyItem(notNullValue()))
                .body("message", everyItem(notNullValue()))
                .body("remedy", everyItem(notNullValue()));
    }

    @Test
    void catalogueNeedsAuthentication() {
        given().get("/api/guardrails/rules").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void cleanDraftIsAllowedAndItsVerdictStoredWithTraceId() {
        int id = as(scene.rep()).body(email("Hi Grace, thanks for the call today. I will send the notes.", scene.granted().email))
                .post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("ALLOW"))
                .body("rules.size()", equalTo(0))
                .body("traceId", notNullValue())
                .extract().path("verdictId");
        GuardrailVerdict stored = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.findById((long) id));
        assertThat(stored.verdict).isEqualTo("ALLOW");
        assertThat(stored.ruleIds).isEmpty();
        assertThat(stored.repId).isEqualTo(scene.rep().id);
        assertThat(stored.accountId).isEqualTo(scene.account().id);
        assertThat(stored.traceId).hasSize(32);
    }

    @Test
    void mostSevereRuleWinsAndEveryHitIsReportedAndStored() {
        int id = as(scene.rep()).body(email("We can offer 15% off Closeloop Insights Pro. Also try Closeloop Quantum Negotiator.",
                scene.granted().email, scene.withdrawn().email))
                .post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("BLOCK"))
                .body("rules.id", hasItems("GR-01", "GR-04", "GR-07"))
                .body("rules[0].severity", equalTo("BLOCK"))
                .body("approverId", nullValue())
                .extract().path("verdictId");
        GuardrailVerdict stored = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.findById((long) id));
        assertThat(stored.verdict).isEqualTo("BLOCK");
        assertThat(stored.ruleIds).contains("GR-01", "GR-04", "GR-07");
        assertThat(stored.details).contains("Closeloop Quantum Negotiator");
    }

    @Test
    void discountAboveAuthorityIsRoutedToTheRepsManager() {
        as(scene.rep()).body(email("We can offer 15% off Closeloop Insights Pro this quarter.", scene.granted().email))
                .post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("NEEDS_APPROVAL"))
                .body("rules.id", equalTo(List.of("GR-01")))
                .body("approverId", equalTo(scene.manager().id.intValue()));
    }

    @Test
    void wrongListPriceIsRepairedAndTheRepairShown() {
        as(scene.rep()).body(email("Closeloop Insights Pro costs $999 per seat per year.", scene.granted().email))
                .post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("REPAIR"))
                .body("rules[0].id", equalTo("GR-05"))
                .body("rules[0].replaced", equalTo("$999"))
                .body("repairedBody", equalTo("Closeloop Insights Pro costs USD 1,200.00 per seat per year."));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        as(scene.rep()).body(Map.of("channel", "FAX", "body", "hello")).post("/api/guardrails/check").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                .body("errors.field", hasItem("channel"));
        as(scene.rep()).body(Map.of("channel", "EMAIL", "body", "hello", "recipients", List.of("not-an-address")))
                .post("/api/guardrails/check").then().statusCode(400)
                .body("errors.field", hasItem("recipients[0]"));
        as(scene.rep()).body(Map.of("channel", "CHANGE", "accountId", scene.account().id, "changes",
                List.of(Map.of("entity", "deal", "entityId", 1, "field", "stage", "oldValue", "PROPOSAL", "newValue", "WON"))))
                .post("/api/guardrails/check").then().statusCode(400)
                .body("errors.field", hasItem("changes[0].newValue"));
    }

    @Test
    void anAccountTheRepCannotSeeIsNotFound() {
        as(scene.rep()).body(Map.of("channel", "NOTE", "accountId", scene.otherAccount().id, "body", "Note"))
                .post("/api/guardrails/check").then().statusCode(404)
                .body("type", equalTo("urn:closeloop:problem:not-found"));
    }

    @Test
    void ruleHitStatisticsCountHitsForManagersOnly() {
        for (int i = 0; i < 2; i++) {
            as(scene.rep()).body(email("Hi {{first_name}}, see you soon.", scene.granted().email))
                    .post("/api/guardrails/check").then().statusCode(200).body("verdict", equalTo("BLOCK"));
        }
        int hits = as(scene.manager()).get("/api/guardrails/stats?days=1").then().statusCode(200)
                .extract().path("find { it.ruleId == 'GR-19' }.hits");
        int blocked = as(scene.manager()).get("/api/guardrails/stats?days=1").then().statusCode(200)
                .extract().path("find { it.ruleId == 'GR-19' }.blocked");
        assertThat(hits).isGreaterThanOrEqualTo(2);
        assertThat(blocked).isEqualTo(hits);
        as(scene.rep()).get("/api/guardrails/stats").then().statusCode(403);
    }

    @Test
    void aStricterTeamsThresholdsApplyToItsReps() {
        GuardrailFixtures.Scene strict = fixtures.scene(true);
        Map<String, Object> draft = Map.of("channel", "EMAIL", "accountId", strict.account().id,
                "recipients", List.of(strict.granted().email), "subject", "Offer", "body", "We can offer 8% off.");
        as(strict.rep()).body(draft).post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("BLOCK")).body("rules.id", hasItem("GR-03"));
        Map<String, Object> same = Map.of("channel", "EMAIL", "accountId", scene.account().id,
                "recipients", List.of(scene.granted().email), "subject", "Offer", "body", "We can offer 8% off.");
        as(scene.rep()).body(same).post("/api/guardrails/check").then().statusCode(200).body("verdict", equalTo("ALLOW"));
    }

    @Test
    void anotherAccountsContactDataInTheTextIsBlocked() {
        as(scene.rep()).body(email("You could also ask " + scene.otherContact().email + " or call " + scene.otherContact().phone + ".",
                scene.granted().email))
                .post("/api/guardrails/check").then().statusCode(200)
                .body("verdict", equalTo("BLOCK"))
                .body("rules.findAll { it.id == 'GR-10' }.size()", equalTo(2));
    }
}
