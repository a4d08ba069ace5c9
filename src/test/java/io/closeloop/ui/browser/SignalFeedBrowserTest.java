package io.closeloop.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.signal.InteractionSignal;
import io.closeloop.actions.signal.SignalIntake;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A rep has the chat open, and the CRM sidebar on the account's record; a customer's e-mail turns
 * the account's churn-risk signal on; the transition appears in both without a reload (SSE), and
 * its drafted retention e-mail opens as a card from the chat's feed. (That another rep's stream
 * never carries it is SignalResourceTest's.)
 */
@QuarkusTest
class SignalFeedBrowserTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    SignalIntake intake;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aNewSignalAppearsInTheRepsFeedAndOpensItsDraft() {
        Team team = fixtures.team("feed-ui");
        Rep rep = fixtures.rep("feed-rep", RepRole.REP, team);
        Account account = fixtures.account("Feed UI Co", rep);
        Contact contact = fixtures.contact(account, "Fay", EmailConsent.GRANTED);

        try (Chromium chromium = new Chromium(1280, 1000); Chromium sidebar = new Chromium(400, 1000)) {
            chromium.signIn(base.toString(), rep.username, CrmFixtures.PASSWORD);
            chromium.driver.get(base + "chat");
            chromium.textIs(By.cssSelector("#signals li"), "No new signals.");
            sidebar.signIn(base.toString(), rep.username, CrmFixtures.PASSWORD);
            sidebar.driver.get(base + "sidebar?account=" + account.id);
            sidebar.textIs(By.cssSelector("#sb-signal-list li"), "No signals for this account yet.");

            List<Long> drafted = intake.onInteraction(new InteractionSignal(System.nanoTime(), account.id, contact.id, null, "EMAIL",
                    "INBOUND", Instant.now(), "Contract",
                    "We are seriously considering cancelling our contract; the outages have been unacceptable.", contact.email, null, null));
            // The mail may also read as an open request (the detector in tests is trained on a small sample):
            // the churn signal's retention e-mail is the one this test follows.
            Long churnDraft = QuarkusTransaction.requiringNew().call(() -> drafted.stream()
                    .filter(id -> "signal/churn-risk".equals(Action.<Action>findById(id).route)).findFirst().orElseThrow());

            By churnItem = By.xpath("//*[@id='signals']//li[@data-signal][starts-with(normalize-space(.), 'Churn risk')]");
            WebElement signal = chromium.visible(churnItem);
            assertThat(signal.getText()).contains(account.name);
            chromium.wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[@id='signals']//li[@data-signal][starts-with(normalize-space(.), 'Churn risk')]//button"))).click();
            WebElement card = chromium.visible(By.cssSelector("#signals article.action-card[data-action=\"" + churnDraft + "\"]"));
            assertThat(card.getText()).contains("Approve");
            chromium.screenshot("chat-signal-feed");
            assertThat(sidebar.visible(By.xpath("//*[@id='sb-signal-list']//li[@data-signal][starts-with(normalize-space(.), 'Churn risk')]"))
                    .getText())
                    .doesNotContain(account.name); // the sidebar shows one record: no account name per line
            sidebar.screenshot("sidebar-signal-feed");
        }
    }
}
