package io.closeloop.actions.report;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.GuardrailCheck;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managers see rates of their own team's decisions, admins everyone's, reps none; CSV matches JSON. */
@QuarkusTest
class ReportResourceTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    Rep rep;
    Rep manager;
    Rep otherManager;
    Rep admin;

    @BeforeEach
    void setUp() {
        Team team = crm.team("reports");
        Team other = crm.team("reports-other");
        rep = crm.rep("reporter", RepRole.REP, team);
        manager = crm.rep("boss", RepRole.MANAGER, team);
        otherManager = crm.rep("otherboss", RepRole.MANAGER, other);
        admin = crm.rep("root", RepRole.ADMIN, null);
        Rep otherRep = crm.rep("other", RepRole.REP, other);
        Account account = crm.account("Report Co", rep);
        Contact contact = crm.contact(account, "Rita", EmailConsent.GRANTED);
        Account otherAccount = crm.account("Other Co", otherRep);

        Action a1 = actions.email(account.id, contact.id, contact.email, "One", "Hello Rita", null);
        Action a2 = actions.email(account.id, contact.id, contact.email, "Two", "Hello Rita", null);
        Action a3 = actions.email(account.id, contact.id, contact.email, "Three", "Hello Rita",
                new GuardrailCheck("NEEDS_APPROVAL", 1L, List.of("R-DISCOUNT", "R-TONE")));
        Action a4 = actions.task(account.id, null, "Four", null);
        actions.email(account.id, contact.id, contact.email, "Blocked", "Hello Rita",
                new GuardrailCheck("BLOCK", 2L, List.of("R-PII")));
        Action o1 = actions.task(otherAccount.id, null, "Other", null);

        as(rep).body(Map.of("version", a1.version)).post("/api/actions/{id}/approve", a1.id).then().statusCode(200);
        as(rep).body(Map.of("version", a2.version, "body", "Hello Rita, how are you?")).post("/api/actions/{id}/approve", a2.id)
                .then().statusCode(200);
        as(manager).body(Map.of("version", a3.version, "reason", "WRONG_FACTS")).post("/api/actions/{id}/reject", a3.id).then().statusCode(200);
        as(rep).body(Map.of("version", a4.version, "reason", "WRONG_FACTS")).post("/api/actions/{id}/reject", a4.id).then().statusCode(200);
        as(otherRep).body(Map.of("version", o1.version, "reason", "OTHER", "reasonText", "dup")).post("/api/actions/{id}/reject", o1.id)
                .then().statusCode(200);
    }

    @Test
    void managerSeesTheRatesOfTheirOwnTeamByType() {
        as(manager).get("/api/reports/decisions?by=type").then().statusCode(200)
                .body("items.find { it.type == 'EMAIL' }.decided", equalTo(4))
                .body("items.find { it.type == 'EMAIL' }.accepted", equalTo(1))
                .body("items.find { it.type == 'EMAIL' }.edited", equalTo(1))
                .body("items.find { it.type == 'EMAIL' }.rejected", equalTo(2))
                .body("items.find { it.type == 'EMAIL' }.acceptanceRate", equalTo(0.5f))
                .body("items.find { it.type == 'TASK' }.rejectionRate", equalTo(1.0f));
        as(otherManager).get("/api/reports/decisions?by=type").then().statusCode(200)
                .body("items.find { it.type == 'TASK' }.decided", equalTo(1))
                .body("items.find { it.type == 'EMAIL' }", equalTo(null));
    }

    @Test
    void topRejectionReasonsAndGuardrailHitsAreCounted() {
        as(manager).get("/api/reports/rejection-reasons").then().statusCode(200)
                .body("items[0].reason", equalTo("WRONG_FACTS")).body("items[0].count", equalTo(2))
                .body("items.find { it.reason == 'GUARDRAIL_BLOCKED' }.count", equalTo(1));
        as(manager).get("/api/reports/guardrail-hits").then().statusCode(200)
                .body("items.find { it.rule == 'R-PII' }.blocked", equalTo(1))
                .body("items.find { it.rule == 'R-DISCOUNT' }.needsApproval", equalTo(1));
    }

    @Test
    void repsAreRefusedAndBadParametersNameTheField() {
        as(rep).get("/api/reports/decisions").then().statusCode(403).contentType("application/problem+json");
        as(manager).get("/api/reports/decisions?by=planet").then().statusCode(400).body("errors[0].field", equalTo("by"));
        as(manager).get("/api/reports/decisions?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(manager).get("/api/reports/nothing").then().statusCode(404);
    }

    @Test
    void csvExportHasTheSameRowsAsJson() {
        String csv = as(manager).accept("text/csv").get("/api/reports/decisions?by=type").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"decisions-by-type.csv\"").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("type,decided,accepted,edited,rejected,expired,acceptanceRate,editRate,rejectionRate,meanEditDistance");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("EMAIL,4,1,1,2,0,0.5,0.25,0.5,");
        assertThat(lines.get(2)).isEqualTo("TASK,1,0,0,1,0,0.0,0.0,1.0,");
    }

    @Test
    void adminSeesEveryTeam() {
        int managerTotal = as(manager).get("/api/reports/decisions?by=team").then().statusCode(200).extract().path("items.size()");
        assertThat(managerTotal).isEqualTo(1);
        List<String> teams = as(admin).get("/api/reports/decisions?by=team").then().statusCode(200).extract().path("items.team");
        assertThat(teams).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void latencyReportListsPercentilesOfEventDrivenDrafts() {
        as(admin).get("/api/reports/latency").then().statusCode(200)
                .body("columns", equalTo(List.of("drafts", "p50Ms", "p95Ms", "p99Ms", "maxMs")));
    }
}
