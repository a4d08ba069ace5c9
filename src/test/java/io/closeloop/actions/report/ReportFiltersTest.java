package io.closeloop.actions.report;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report filters team, rep, agent, from and to: each narrows every report and its CSV, a bad
 * value is a 400 naming the field, and a manager's filter never reaches past their team (403).
 */
@QuarkusTest
class ReportFiltersTest {

    @Inject
    CrmFixtures crm;
    @Inject
    ActionFixtures actions;

    Team team;
    Team other;
    Rep ann;
    Rep ben;
    Rep outsider;
    Rep manager;
    Rep admin;
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    @BeforeEach
    void setUp() {
        team = crm.team("filters");
        other = crm.team("filters-other");
        ann = crm.rep("ann", RepRole.REP, team);
        ben = crm.rep("ben", RepRole.REP, team);
        outsider = crm.rep("outsider", RepRole.REP, other);
        manager = crm.rep("filter-boss", RepRole.MANAGER, team);
        admin = crm.rep("filter-root", RepRole.ADMIN, null);
        Account annCo = crm.account("Ann Co", ann);
        Contact annContact = crm.contact(annCo, "Alma", EmailConsent.GRANTED);
        Account benCo = crm.account("Ben Co", ben);
        Contact benContact = crm.contact(benCo, "Bert", EmailConsent.GRANTED);
        Account otherCo = crm.account("Outside Co", outsider);

        Action a1 = actions.email(annCo.id, annContact.id, annContact.email, "A1", "Hello Alma", null);
        Action a2 = actions.email(annCo.id, annContact.id, annContact.email, "A2", "Hello Alma", null);
        Action a3 = actions.task(annCo.id, null, "A3", null);
        Action b1 = actions.email(benCo.id, benContact.id, benContact.email, "B1", "Hello Bert", null);
        Action o1 = actions.task(otherCo.id, null, "O1", null);
        as(ann).body(Map.of("version", a1.version)).post("/api/actions/{id}/approve", a1.id).then().statusCode(200);
        as(ann).body(Map.of("version", a2.version, "reason", "WRONG_TONE")).post("/api/actions/{id}/reject", a2.id).then().statusCode(200);
        as(ann).body(Map.of("version", a3.version, "reason", "NOT_NEEDED_NOW")).post("/api/actions/{id}/reject", a3.id).then().statusCode(200);
        as(ben).body(Map.of("version", b1.version)).post("/api/actions/{id}/approve", b1.id).then().statusCode(200);
        as(outsider).body(Map.of("version", o1.version, "reason", "WRONG_FACTS")).post("/api/actions/{id}/reject", o1.id).then().statusCode(200);
    }

    @Test
    void repFilterNarrowsEveryReportToThatRepsActions() {
        as(manager).get("/api/reports/decisions?by=type&rep={r}", ben.id).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("EMAIL")).body("items[0].accepted", equalTo(1));
        as(manager).get("/api/reports/rejection-reasons?rep={r}", ann.id).then().statusCode(200)
                .body("items.reason", equalTo(List.of("NOT_NEEDED_NOW", "WRONG_TONE")));
        as(manager).get("/api/reports/rejection-reasons?rep={r}", ben.id).then().statusCode(200).body("items.size()", equalTo(0));
        as(manager).get("/api/reports/decided?rep={r}", ann.id).then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.rep", equalTo(List.of(ann.fullName, ann.fullName, ann.fullName)));
    }

    @Test
    void agentFilterKeepsOnlyThatAgentsActions() {
        as(manager).get("/api/reports/decisions?by=type&agent=task-agent").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].type", equalTo("TASK")).body("items[0].rejected", equalTo(1));
        as(manager).get("/api/reports/outcomes?agent=email-drafter").then().statusCode(200)
                .body("items.find { it.decision == 'accepted' }.actions", equalTo(2))
                .body("items.find { it.decision == 'rejected' }.actions", equalTo(1));
    }

    @Test
    void teamFilterIsTheManagersOwnTeamOrAnyTeamForAnAdmin() {
        as(manager).get("/api/reports/decisions?by=rep&team={t}", team.id).then().statusCode(200)
                .body("items.find { it.rep == '%s' }.decided".formatted(ann.username), equalTo(3))
                .body("items.find { it.rep == '%s' }.decided".formatted(ben.username), equalTo(1));
        as(admin).get("/api/reports/decisions?by=rep&team={t}", other.id).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].rep", equalTo(outsider.username));
        as(admin).get("/api/reports/decisions?by=rep&team={t}&rep={r}", other.id, ann.id).then().statusCode(200)
                .body("items.size()", equalTo(0)); // an admin's filters intersect too
    }

    @Test
    void dateFiltersBoundTheDraftingDay() {
        as(manager).get("/api/reports/decisions?by=type&from={d}", today).then().statusCode(200).body("items.size()", equalTo(2));
        as(manager).get("/api/reports/decisions?by=type&from={d}&to={e}", tomorrow, LocalDate.parse(tomorrow).plusDays(1).toString())
                .then().statusCode(200).body("items.size()", equalTo(0));
        as(manager).get("/api/reports/decisions?by=type&to={d}", today).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aManagersFilterNeverReachesPastTheirTeam() {
        for (String report : ReportResource.REPORTS) {
            as(manager).get("/api/reports/{r}?rep={o}", report, outsider.id).then().statusCode(403)
                    .contentType("application/problem+json");
            as(manager).get("/api/reports/{r}?team={o}", report, other.id).then().statusCode(403);
        }
        // a rep id that does not exist is refused the same way: the answer does not tell them apart
        as(manager).get("/api/reports/decisions?rep=999999999").then().statusCode(403);
        as(manager).accept("text/csv").get("/api/reports/decisions?by=rep&rep={o}", outsider.id).then().statusCode(403);
    }

    @Test
    void badFilterValuesAre400sNamingTheField() {
        as(manager).get("/api/reports/decisions?team=abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("team"));
        as(manager).get("/api/reports/decisions?rep=-3").then().statusCode(400).body("errors[0].field", equalTo("rep"));
        as(manager).get("/api/reports/decisions?agent=<script>").then().statusCode(400).body("errors[0].field", equalTo("agent"));
        as(manager).get("/api/reports/latency?to=2026-13-01").then().statusCode(400).body("errors[0].field", equalTo("to"));
        as(manager).get("/api/reports/decisions?from={a}&to={b}", tomorrow, today).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void csvExportHonoursTheFilters() {
        String csv = as(manager).accept("text/csv").get("/api/reports/decisions?by=rep&agent=email-drafter&rep={r}", ann.id)
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "rep,decided,accepted,edited,rejected,expired,acceptanceRate,editRate,rejectionRate,meanEditDistance",
                ann.username + ",2,1,0,1,0,0.5,0.0,0.5,");
    }
}
