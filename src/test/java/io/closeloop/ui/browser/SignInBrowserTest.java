package io.closeloop.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Signing in with the keyboard only, landing on the accounts, reaching the chat with its controls labelled. */
@QuarkusTest
class SignInBrowserTest {

    @Inject
    CrmFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void repSignsInWithTheKeyboardAndReachesTheChat() {
        Rep rep = fixtures.rep("browser-rep", RepRole.REP, fixtures.team("browser"));
        Account account = fixtures.account("Browser Account", rep);
        try (Chromium chromium = new Chromium(1200, 900)) {
            chromium.driver.get(base + "login");
            WebElement user = chromium.visible(By.id("j_username"));
            assertThat(chromium.driver.switchTo().activeElement()).isEqualTo(user);
            user.sendKeys(rep.username, Keys.TAB, CrmFixtures.PASSWORD, Keys.ENTER);
            chromium.visible(By.xpath("//h1[text()='Your accounts']"));
            assertThat(chromium.driver.findElement(By.tagName("main")).getText()).contains(account.name);
            chromium.screenshot("sign-in-accounts");

            chromium.driver.get(base + "chat");
            chromium.visible(By.id("offline-banner"));
            for (String id : new String[] { "account", "message" }) {
                assertThat(chromium.driver.findElements(By.cssSelector("label[for=" + id + "]"))).hasSize(1);
            }
            assertThat(chromium.driver.findElement(By.id("messages-empty")).getText()).contains("No messages yet");
            chromium.screenshot("chat-empty");
        }
    }

    @Test
    void aWrongPasswordSaysSoOnTheSignInPage() {
        Rep rep = fixtures.rep("browser-typo", RepRole.REP, fixtures.team("browser"));
        try (Chromium chromium = new Chromium(1200, 900)) {
            chromium.driver.get(base + "login");
            chromium.visible(By.id("j_username")).sendKeys(rep.username, Keys.TAB, "not-the-password", Keys.ENTER);
            WebElement alert = chromium.visible(By.cssSelector("[role=alert]"));
            assertThat(alert.getText()).contains("did not match");
            assertThat(chromium.driver.findElements(By.id("j_username"))).as("the form is offered again").hasSize(1);
            chromium.screenshot("sign-in-wrong-password");
        }
    }
}
