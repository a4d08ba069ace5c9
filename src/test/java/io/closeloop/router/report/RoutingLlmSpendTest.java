package io.closeloop.router.report;

import static io.closeloop.router.report.RoutingReportResourceTest.as;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The routing report's actual LLM spend from real llm_call rows: per ISO week and agent role, in the
 * caller's scope, narrowed by team, rep and agent; a call without a rep counts for its account's owner.
 */
@QuarkusTest
class RoutingLlmSpendTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    EntityManager entityManager;

    Team north;
    Team south;
    Rep nora;
    Rep ned;
    Rep manager;
    Rep admin;
    Rep southRep;
    OffsetDateTime monday;
    String from;
    String to;

    @BeforeEach
    void setUp() {
        north = fixtures.team("north");
        south = fixtures.team("south");
        nora = fixtures.rep("nora", RepRole.REP, north);
        ned = fixtures.rep("ned", RepRole.REP, north);
        manager = fixtures.rep("north-boss", RepRole.MANAGER, north);
        admin = fixtures.rep("spend-admin", RepRole.ADMIN, null);
        southRep = fixtures.rep("sam", RepRole.REP, south);
        Account nedsAccount = fixtures.account("Ned Co", ned);
        // a past fortnight of its own per run (a Monday), so no other test's calls fall into it
        monday = OffsetDateTime.parse("1980-01-07T09:00:00Z").plusWeeks(Math.floorMod(north.id, 1000) * 2);
        from = monday.toLocalDate().toString();
        to = monday.plusDays(13).toLocalDate().toString();
        call(nora.id, null, "draft-email", "email-agent", "OK", 1000, 200, "0.001000", monday);
        call(nora.id, null, "draft-email", "email-agent", "ERROR", null, null, null, monday.plusHours(1));
        call(nora.id, null, "summarize-account", "summary-agent", "OK", 3000, 500, "0.002500", monday.plusWeeks(1));
        call(null, nedsAccount.id, "draft-email", "signal-llm", "OK", 500, 100, "0.000400", monday.plusDays(2)); // a signal's draft: Ned's
        call(southRep.id, null, "draft-email", "email-agent", "OK", 9000, 900, "0.009000", monday);
        call(nora.id, null, "draft-email", "email-agent", "OK", 7000, 700, "0.007000", monday.plusWeeks(3)); // outside the period
    }

    private void call(Long repId, Long accountId, String role, String agent, String outcome, Integer in, Integer out, String cost,
            OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into llm_call (role, agent, model, provider_host, outcome, tokens_in, tokens_out, latency_ms, cost, prompt_sha256,
                    rep_id, account_id, created_at)
                values (?1, ?2, 'm', 'h', ?3, cast(?4 as integer), cast(?5 as integer), 10, cast(?6 as numeric), repeat('0', 64),
                    cast(?7 as bigint), cast(?8 as bigint), ?9)""")
                .setParameter(1, role).setParameter(2, agent).setParameter(3, outcome).setParameter(4, in).setParameter(5, out)
                .setParameter(6, cost).setParameter(7, repId).setParameter(8, accountId).setParameter(9, at).executeUpdate());
    }

    private String week(OffsetDateTime at) {
        return "%d-W%02d".formatted(at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    void aManagerSeesTheirTeamsLlmSpendPerWeekAndRole() {
        as(manager).get("/api/reports/routing?from={f}&to={t}", from, to).then().statusCode(200)
                .body("llm.calls", equalTo(4)).body("llm.failedCalls", equalTo(1))
                .body("llm.tokensIn", equalTo(4500)).body("llm.tokensOut", equalTo(800))
                .body("llm.cost", closeTo(0.0039, 1e-9))
                .body("llmPerWeekAndRole.size()", equalTo(2))
                .body("llmPerWeekAndRole[0].week", equalTo(week(monday)))
                .body("llmPerWeekAndRole[0].role", equalTo("draft-email"))
                .body("llmPerWeekAndRole[0].spend.calls", equalTo(3))
                .body("llmPerWeekAndRole[0].spend.cost", closeTo(0.0014, 1e-9))
                .body("llmPerWeekAndRole[1].week", equalTo(week(monday.plusWeeks(1))))
                .body("llmPerWeekAndRole[1].role", equalTo("summarize-account"));
    }

    @Test
    void repAndAgentFiltersNarrowTheSpend() {
        as(manager).get("/api/reports/routing?from={f}&to={t}&rep={r}", from, to, ned.id).then().statusCode(200)
                .body("llm.calls", equalTo(1)).body("llm.cost", closeTo(0.0004, 1e-9));
        as(manager).get("/api/reports/routing?from={f}&to={t}&agent=summary-agent", from, to).then().statusCode(200)
                .body("llm.calls", equalTo(1)).body("llm.tokensIn", equalTo(3000))
                .body("llmPerWeekAndRole[0].role", equalTo("summarize-account"));
        as(admin).get("/api/reports/routing?from={f}&to={t}&team={s}", from, to, south.id).then().statusCode(200)
                .body("llm.calls", equalTo(1)).body("llm.cost", closeTo(0.009, 1e-9));
    }

    @Test
    void aManagerFilteringOnAnotherTeamsRepIsRefusedAndBadValuesNameTheField() {
        as(manager).get("/api/reports/routing?from={f}&to={t}&rep={r}", from, to, southRep.id).then().statusCode(403)
                .contentType("application/problem+json");
        as(manager).get("/api/reports/routing?rep=abc").then().statusCode(400).body("errors[0].field", equalTo("rep"));
        as(manager).get("/api/reports/routing?team=0").then().statusCode(400).body("errors[0].field", equalTo("team"));
        as(manager).get("/api/reports/routing?agent=a%20b").then().statusCode(400).body("errors[0].field", equalTo("agent"));
        as(manager).get("/api/reports/routing?from=soon").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
