package io.closeloop.router.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/reports/routing: share served without an LLM and the cost saved, scoped by role. */
@QuarkusTest
class RoutingReportResourceTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    EntityManager entityManager;

    Team east;
    Team west;
    Rep rep;
    Rep manager;
    Rep admin;
    String from;
    String to;

    @BeforeEach
    void setUp() {
        east = fixtures.team("east");
        west = fixtures.team("west");
        rep = fixtures.rep("rep", RepRole.REP, east);
        manager = fixtures.rep("manager", RepRole.MANAGER, east);
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
        // a past period of its own, chosen per run so other tests' decisions never fall into it
        OffsetDateTime day = OffsetDateTime.parse("1990-01-01T10:00:00Z").plusDays(Math.floorMod(east.id, 3000) * 3);
        from = day.toLocalDate().toString();
        to = day.plusDays(1).toLocalDate().toString();
        decision(east, day, "lookup_account_or_deal", "SMALL_MODEL", null);
        decision(east, day, "lookup_account_or_deal", "SMALL_MODEL", null);
        decision(east, day.plusDays(1), "draft_email", "LLM", 1000);
        decision(east, day.plusDays(1), "draft_email", "LLM", 3000);
        decision(east, day.plusDays(1), "draft_email", null, null); // never answered: not counted
        decision(west, day, "pipeline_summary", "OFFLINE", null);
        decision(east, day.plusDays(5), "lookup_account_or_deal", "SMALL_MODEL", null); // outside the period
    }

    private void decision(Team team, OffsetDateTime at, String intent, String mode, Integer tokens) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into route_decision (created_at, team_id, message, intent, confidence, model_name, model_version, route, reason,
                    routing_micros, answer_mode, llm_tokens)
                values (?1, ?2, 'm', ?3, 0.9, 'intent', 1, 'SMALL_AGENT', 'CONFIDENT', 100, ?4, cast(?5 as integer))""")
                .setParameter(1, at).setParameter(2, team.id).setParameter(3, intent).setParameter(4, mode).setParameter(5, tokens)
                .executeUpdate());
    }

    static RequestSpecification as(Rep r) {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .auth().preemptive().basic(r.username, CrmFixtures.PASSWORD);
    }

    @Test
    void aManagerSeesTheirTeamsShareWithoutLlmAndTheEstimatedCostSaved() {
        as(manager).get("/api/reports/routing?from={f}&to={t}", from, to).then().statusCode(200)
                .body("scope", equalTo("team " + east.id))
                .body("total.requests", equalTo(4))
                .body("total.withoutLlm", equalTo(2))
                .body("total.shareWithoutLlm", closeTo(0.5, 1e-9))
                .body("tokensPerLlmAnswer", equalTo(2000)) // measured mean of the period's LLM answers
                .body("tokensMeasured", equalTo(true))
                .body("estimatedTokensSaved", equalTo(4000))
                .body("estimatedCostSaved", closeTo(0.0024, 1e-9)) // 4000 tokens x 0.60 per million
                .body("perIntent.find { it.intent == 'lookup_account_or_deal' }.share.shareWithoutLlm", closeTo(1.0, 1e-9))
                .body("perIntent.find { it.intent == 'draft_email' }.share.withoutLlm", equalTo(0))
                .body("perDay.size()", equalTo(2))
                .body("perDay[0].day", equalTo(from))
                .body("perDay[0].share.requests", equalTo(2))
                .body("perDay[1].share.shareWithoutLlm", closeTo(0.0, 1e-9));
    }

    @Test
    void anAdminSeesEveryTeamOrOneTeam() {
        as(admin).get("/api/reports/routing?from={f}&to={t}", from, to).then().statusCode(200)
                .body("scope", equalTo("all teams")).body("total.requests", equalTo(5)).body("total.withoutLlm", equalTo(3));
        as(admin).get("/api/reports/routing?from={f}&to={t}&teamId={w}", from, to, west.id).then().statusCode(200)
                .body("total.requests", equalTo(1)).body("total.withoutLlm", equalTo(1))
                .body("tokensMeasured", equalTo(false)).body("tokensPerLlmAnswer", equalTo(2500));
    }

    @Test
    void repsAndManagersOfOtherTeamsAreRefused() {
        as(rep).get("/api/reports/routing?from={f}&to={t}", from, to).then().statusCode(403)
                .contentType("application/problem+json");
        as(manager).get("/api/reports/routing?from={f}&to={t}&teamId={w}", from, to, west.id).then().statusCode(403);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequest() {
        as(admin).get("/api/reports/routing?from={f}&to={t}", to, from).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
