package io.closeloop.ui.page;

import static io.closeloop.ui.UiSessions.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Chat, sidebar and reports pages as served: who may open them, what they list, escaping, offline banner. */
@QuarkusTest
class PeoplePagesTest {

    @Inject
    CrmFixtures fixtures;


    @Test
    void anonymousVisitorsAreSentToSignIn() {
        for (String page : new String[] { "/chat", "/sidebar", "/reports" }) {
            given().redirects().follow(false).get(page).then().statusCode(303).header("Location", endsWith("/login"));
        }
    }

    @Test
    void accountPickerListsOnlyVisibleAccountsAsText() {
        Rep rep = fixtures.rep("picker", RepRole.REP, fixtures.team("picker"));
        Account mine = fixtures.account("Picker Mine", rep);
        Account hostile = fixtures.account("Hostile", rep);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(hostile.id).rename("<img src=x onerror=alert(1)> Ltd"));
        Account other = fixtures.account("Picker Other", fixtures.rep("picker-other", RepRole.REP, null));

        given().cookie("closeloop-session", login(rep)).get("/chat?account=" + mine.id).then().statusCode(200)
                .body(containsString("<option value=\"" + mine.id + "\" selected>" + mine.name + "</option>"))
                .body(not(containsString(other.name)))
                .body(not(containsString("<img src=x")))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt; Ltd"))
                .body(containsString("<label for=\"message\">Your message</label>"));
    }

    @Test
    void offlineBannerShowsWhenNoLanguageModelIsConfigured() {
        Rep rep = fixtures.rep("offline", RepRole.REP, null);
        given().cookie("closeloop-session", login(rep)).get("/chat").then().statusCode(200)
                .body(containsString("id=\"offline-banner\""))
                .body(containsString("not model output"));
    }

    @Test
    void repsCannotOpenReports() {
        Rep rep = fixtures.rep("no-reports", RepRole.REP, fixtures.team("no-reports"));
        String cookie = login(rep);
        given().cookie("closeloop-session", cookie).get("/reports").then().statusCode(403);
        given().cookie("closeloop-session", cookie).get("/reports/actions/1").then().statusCode(403);
        given().cookie("closeloop-session", cookie).get("/chat").then().body(not(containsString("href=\"/reports\"")));
    }

    @Test
    void managerFiltersOfferOnlyTheirTeam() {
        Team east = fixtures.team("east");
        Team west = fixtures.team("west");
        Rep manager = fixtures.rep("boss", RepRole.MANAGER, east);
        Rep ownRep = fixtures.rep("east-rep", RepRole.REP, east);
        Rep otherRep = fixtures.rep("west-rep", RepRole.REP, west);
        given().cookie("closeloop-session", login(manager)).get("/reports").then().statusCode(200)
                .body(containsString("<option value=\"" + ownRep.id + "\">"))
                .body(not(containsString("<option value=\"" + otherRep.id + "\">")))
                .body(containsString("<button type=\"button\" id=\"csv\" class=\"secondary\">Export CSV</button>"));
    }

    @Test
    void sidebarCarriesTheAllowListAndTheEmbedGuideNamesEachHost() {
        Rep rep = fixtures.rep("sidebar", RepRole.REP, null);
        String cookie = login(rep);
        given().cookie("closeloop-session", cookie).get("/sidebar?account=42").then().statusCode(200)
                .body(containsString("data-host-origins=\"&#39;self&#39;\nhttp://localhost:*\""))
                .body(containsString("data-account=\"42\""))
                .body(not(containsString("class=\"bar\"")));
        given().cookie("closeloop-session", cookie).get("/sidebar/embed").then().statusCode(200)
                .body(containsString("Salesforce")).body(containsString("HubSpot")).body(containsString("Dynamics 365"))
                .body(containsString("closeloop:record"));
    }
}
