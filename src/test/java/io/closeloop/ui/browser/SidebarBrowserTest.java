package io.closeloop.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The sidebar inside a CRM page served from another origin: the host switches records with
 * postMessage, the sidebar answers the host, ignores a third origin, and shows hostile text as text.
 */
@QuarkusTest
class SidebarBrowserTest {

    @Inject
    CrmFixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @Test
    void hostOnAnotherOriginSwitchesRecordsWithPostMessage() {
        Rep rep = fixtures.rep("sidebar-rep", RepRole.REP, fixtures.team("sidebar"));
        Account a = fixtures.account("Sidebar Alpha", rep);
        Account b = fixtures.account("Sidebar Beta", rep);
        String hostile = "<img src=x onerror=alert(1)> Beta & Co";
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(b.id).rename(hostile));
        String closeloop = base.getProtocol() + "://" + base.getAuthority();

        try (Chromium chromium = new Chromium(1200, 900);
                HostPage host = new HostPage("localhost", closeloop + "/sidebar", closeloop)) {
            assertThat(host.origin).isNotEqualTo(closeloop);
            chromium.signIn(base.toString(), rep.username, CrmFixtures.PASSWORD);
            chromium.driver.get(host.origin + "/record?a=" + a.id + "&b=" + b.id);
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "closeloop:ready"));

            chromium.driver.findElement(By.id("show-a")).click();
            chromium.driver.switchTo().frame("closeloop");
            chromium.textIs(By.id("record-label"), a.name);
            chromium.driver.switchTo().defaultContent();
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"),
                    closeloop + " {\"type\":\"closeloop:record-shown\",\"accountId\":" + a.id + "}"));

            chromium.driver.findElement(By.id("show-b")).click();
            chromium.driver.switchTo().frame("closeloop");
            chromium.textIs(By.id("record-label"), hostile);
            assertThat(chromium.driver.findElements(By.cssSelector("#sidebar img"))).isEmpty();
            chromium.screenshot("sidebar-switches-records");
            chromium.assertNoAlert();

            // A frame from another origin (not on the allow-list) tries to switch the record back.
            chromium.driver.switchTo().defaultContent();
            chromium.driver.switchTo().frame("intruder");
            chromium.driver.findElement(By.id("attack")).click();
            chromium.driver.switchTo().defaultContent();
            chromium.driver.switchTo().frame("closeloop");
            sleep(Duration.ofSeconds(1));
            assertThat(chromium.driver.findElement(By.id("record-label")).getText()).isEqualTo(hostile);
            assertThat(chromium.driver.findElement(By.tagName("body")).getSize().getWidth()).isBetween(320, 400);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
