package io.closeloop.ui.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.SmtpServer;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.execution.ActionExecutor;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The action loop from the people's side, in Chromium: a rep approves a drafted e-mail in the
 * sidebar and it arrives at the test SMTP server; the rep rejects another with a reason; the
 * manager finds the rejection in the report and drills down to the draft, shown as text.
 */
@QuarkusTest
class ActionLoopBrowserTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    ActionExecutor executor;

    @TestHTTPResource("/")
    URL base;

    private static long draftEmail(Rep rep, Account account, Contact contact, String subject, String body) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body(Map.of("type", "EMAIL", "accountId", account.id, "contactId", contact.id,
                        "recipients", List.of(contact.email), "subject", subject, "body", body,
                        "agent", "email-drafter", "route", "llm", "origin", "CHAT"))
                .post("/api/actions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void approvedEmailIsSentAndRejectedOneShowsInTheManagersReport() throws Exception {
        SmtpServer.get();
        Team team = fixtures.team("loop");
        Rep manager = fixtures.rep("loop-boss", RepRole.MANAGER, team);
        Rep rep = fixtures.rep("loop-rep", RepRole.REP, team);
        Account account = fixtures.account("Loop Co", rep);
        Contact approved = fixtures.contact(account, "Ada", EmailConsent.GRANTED);
        Contact rejected = fixtures.contact(account, "Bob", EmailConsent.GRANTED);
        long sendId = draftEmail(rep, account, approved, "Next steps", "Hi Ada,\nthanks for the call. Here are the next steps.");
        String hostile = "<script>alert('owned')</script> Hi Bob, <b>bold</b> claims";
        long rejectId = draftEmail(rep, account, rejected, "Pricing", hostile);

        try (Chromium chromium = new Chromium(420, 1400)) {
            chromium.signIn(base.toString(), rep.username, CrmFixtures.PASSWORD);
            chromium.driver.get(base + "sidebar?account=" + account.id);
            WebElement sendCard = chromium.visible(By.cssSelector("[data-action='" + sendId + "']"));
            WebElement rejectCard = chromium.visible(By.cssSelector("[data-action='" + rejectId + "']"));
            assertThat(rejectCard.findElement(By.className("body")).getText()).isEqualTo(hostile);
            chromium.assertNoAlert();

            sendCard.findElement(By.className("approve")).click();
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sidebar-status"),
                    "EMAIL " + sendId + " \"Next steps\": Approved"));
            // Approval hands the action to the executor at once. An SMTP attempt can fail (CI saw one hang until the test
            // server's 30 s socket timeout, then the retry sent it): the promise is that it is retried and sent once.
            Action first = ActionFixtures.await(sendId, a -> a.status == ActionStatus.EXECUTED || a.status == ActionStatus.FAILED,
                    Duration.ofSeconds(45));
            Action sent = ActionFixtures.settle(executor, sendId);
            assertThat(sent.status).as("first attempt %s; history %s", first.status, ActionFixtures.history(sendId))
                    .isEqualTo(ActionStatus.EXECUTED);
            List<MimeMessage> mail = SmtpServer.await(approved.email, 1, Duration.ofSeconds(5));
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0).getSubject()).isEqualTo("Next steps");
            assertThat(String.valueOf(mail.get(0).getContent())).contains("thanks for the call");
            chromium.screenshot("action-approved-and-sent");

            rejectCard = chromium.visible(By.cssSelector("[data-action='" + rejectId + "']"));
            rejectCard.findElement(By.className("reject")).click();
            new Select(chromium.visible(By.id("reason-" + rejectId))).selectByValue("WRONG_TONE");
            chromium.driver.findElement(By.id("reason-text-" + rejectId)).sendKeys("Too pushy on price");
            chromium.driver.findElement(By.cssSelector("form.reject button[type=submit]")).click();
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sidebar-status"),
                    "EMAIL " + rejectId + " \"Pricing\": Rejected"));
            // The card leaves the queue when the list re-renders, which may come just after the status line.
            chromium.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-action='" + rejectId + "']"), 0));
            chromium.screenshot("action-rejected");
            assertThat(SmtpServer.to(rejected.email)).isEmpty();
        }

        try (Chromium chromium = new Chromium(1280, 1600)) {
            chromium.signIn(base.toString(), manager.username, CrmFixtures.PASSWORD);
            chromium.driver.get(base + "reports");
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-rejections"), "WRONG_TONE"));
            WebElement row = chromium.visible(By.cssSelector("#decisions tr[data-action='" + rejectId + "']"));
            assertThat(row.getText()).contains("REJECTED");
            chromium.screenshot("report-shows-rejection");
            row.findElement(By.tagName("a")).click();
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-facts"), "WRONG_TONE"));
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff"), hostile));
            assertThat(chromium.driver.findElements(By.cssSelector("#diff b, #diff script"))).isEmpty();
            chromium.assertNoAlert();
            chromium.screenshot("report-drill-down");
        }
    }
}
