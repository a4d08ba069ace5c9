package io.closeloop.ui.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A rep asks about an account in the chat; the reply streams in stages (route, evidence, the
 * guardrail-checked answer, actions, done) and ends with its mode badge and evidence; the cited
 * interaction opens in the side panel, and its hostile body stays text.
 */
@QuarkusTest
class ChatBrowserTest {

    @Inject
    CrmFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void answerCitesEvidenceThatOpensAsText() {
        Rep rep = fixtures.rep("chat-rep", RepRole.REP, fixtures.team("chat"));
        Account account = fixtures.account("Chat Co", rep);
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(2)> We are unhappy with the renewal price and consider leaving.";
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body(Map.of("externalId", CrmFixtures.unique("mail"), "channel", "EMAIL", "direction", "INBOUND",
                        "occurredAt", "2026-11-01T10:00:00Z", "accountId", account.id, "subject", "Renewal concerns",
                        "body", hostile, "fromEmail", "buyer@" + account.domain))
                .post("/api/interactions").then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200))
                        .or(org.hamcrest.Matchers.is(201)).or(org.hamcrest.Matchers.is(202)));

        try (Chromium chromium = new Chromium(1280, 1200)) {
            chromium.signIn(base.toString(), rep.username, CrmFixtures.PASSWORD);
            chromium.driver.get(base + "chat");
            new Select(chromium.visible(By.id("account"))).selectByValue(String.valueOf(account.id));
            chromium.driver.findElement(By.id("message")).sendKeys("Summarize this account and its open issues", Keys.ENTER);
            // the first request loads the embedding model and the intent classifier: allow for it
            WebElement answer = new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver, java.time.Duration.ofSeconds(120))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.answer")));
            assertThat(answer.findElement(By.className("badge")).getText()).matches("(Small model|LLM|Offline) · \\d+\\.\\d s");
            // the reply was streamed stage by stage (POST /api/chat/stream): each stage left its line, in order
            assertThat(answer.findElements(By.cssSelector("ol.stages li")).stream().map(li -> li.getAttribute("data-stage")).toList())
                    .containsExactly("route", "evidence", "answer", "actions", "done");
            assertThat(answer.findElement(By.cssSelector("ol.stages li[data-stage=route]")).getText()).startsWith("Routed: ");
            // the evidence panel was filled from the evidence stage, before the answer
            assertThat(chromium.driver.findElement(By.cssSelector("#evidence .evidence-list")).getText()).contains("Renewal concerns");
            WebElement citation = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.answer button.citation")));
            citation.click();
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#evidence .evidence-body"), hostile));
            assertThat(chromium.driver.findElements(By.cssSelector("#evidence img, #evidence script"))).isEmpty();
            chromium.assertNoAlert();
            chromium.screenshot("chat-answer-with-evidence");
        }
    }
}
