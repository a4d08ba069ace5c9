package io.closeloop.ui.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A manager narrows /reports to one rep: the server applies the filter to the decision list and the
 * LLM spend (table of calls, tokens and cost per week and role), and the other rep's rows go.
 */
@QuarkusTest
class ReportsFilterBrowserTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URL base;

    private long rejectedTask(Rep rep, Account account, String subject) {
        var created = given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body(Map.of("type", "TASK", "accountId", account.id, "subject", subject, "body", "Call them", "agent", "task-agent",
                        "route", "small", "origin", "CHAT"))
                .post("/api/actions").then().statusCode(201).extract().jsonPath();
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body(Map.of("version", created.getInt("version"), "reason", "NOT_NEEDED_NOW"))
                .post("/api/actions/{id}/reject", created.getLong("id")).then().statusCode(200);
        return created.getLong("id");
    }

    @Test
    void theRepFilterIsAppliedByTheServerToTheListAndTheLlmSpend() {
        Team team = fixtures.team("report-ui");
        Rep manager = fixtures.rep("report-boss", RepRole.MANAGER, team);
        Rep una = fixtures.rep("una", RepRole.REP, team);
        Rep vic = fixtures.rep("vic", RepRole.REP, team);
        long unaTask = rejectedTask(una, fixtures.account("Una Co", una), "Una's task");
        long vicTask = rejectedTask(vic, fixtures.account("Vic Co", vic), "Vic's task");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into llm_call (role, agent, model, provider_host, outcome, tokens_in, tokens_out, latency_ms, cost, prompt_sha256, rep_id)
                values ('draft-email', 'email-agent', 'm', 'h', 'OK', 1234, 56, 10, 0.0042, repeat('0', 64), ?1)""")
                .setParameter(1, una.id).executeUpdate());

        try (Chromium chromium = new Chromium(1280, 1800)) {
            chromium.signIn(base.toString(), manager.username, CrmFixtures.PASSWORD);
            chromium.driver.get(base + "reports");
            chromium.visible(By.cssSelector("#decisions tr[data-action='" + unaTask + "']"));
            chromium.visible(By.cssSelector("#decisions tr[data-action='" + vicTask + "']"));
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("llm-table"), "1234"));

            new Select(chromium.visible(By.id("f-rep"))).selectByValue(String.valueOf(vic.id));
            chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#decisions tr[data-action='" + unaTask + "']"), 0));
            chromium.visible(By.cssSelector("#decisions tr[data-action='" + vicTask + "']"));
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("llm-table"), "No LLM calls for these filters."));
            chromium.screenshot("reports-filtered-by-rep");

            new Select(chromium.driver.findElement(By.id("f-rep"))).selectByValue(String.valueOf(una.id));
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("llm-table"), "1234"));
            List<String> rows = chromium.driver.findElements(By.cssSelector("#decisions tbody tr")).stream()
                    .map(r -> r.getAttribute("data-action")).toList();
            assertThat(rows).containsExactly(String.valueOf(unaTask));
        }
    }
}
