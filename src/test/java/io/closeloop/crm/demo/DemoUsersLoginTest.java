package io.closeloop.crm.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documented demo users log in with HTTP basic and see exactly the accounts the ownership rule gives them. */
@QuarkusTest
@TestProfile(DemoEnabledProfile.class)
class DemoUsersLoginTest {

    @Inject
    DemoCrmLoadedRecorder recorder;

    DemoBook book;

    @BeforeEach
    void generateTheBookTheLoaderLoaded() {
        book = DemoBookGenerator.generate(DemoEnabledProfile.SEED, recorder.seen().get(0).day());
    }

    @Test
    void everyRepSeesExactlyTheAccountsTheyOwnOrTheirTeamShares() {
        for (DemoUser rep : DemoUsers.ALL.stream().filter(u -> u.role() == RepRole.REP).toList()) {
            Set<String> expected = book.accounts().stream()
                    .filter(a -> a.owner().equals(rep.username()) || a.sharedWithTeams().contains(rep.team()))
                    .map(DemoAccount::externalId).collect(Collectors.toSet());
            assertFalse(expected.isEmpty(), rep.username() + " owns accounts");
            assertEquals(expected, visibleAccounts(rep), rep.username());
        }
    }

    @Test
    void managersSeeTheirTeamsAccountsAndTheAdminSeesAll() {
        for (DemoUser manager : DemoUsers.ALL.stream().filter(u -> u.role() == RepRole.MANAGER).toList()) {
            Set<String> expected = book.accounts().stream()
                    .filter(a -> DemoUsers.named(a.owner()).team().equals(manager.team())
                            || a.sharedWithTeams().contains(manager.team()))
                    .map(DemoAccount::externalId).collect(Collectors.toSet());
            assertEquals(expected, visibleAccounts(manager), manager.username());
        }
        Set<String> all = book.accounts().stream().map(DemoAccount::externalId).collect(Collectors.toSet());
        assertEquals(all, visibleAccounts(DemoUsers.named("admin")));
    }

    @Test
    void aDemoUserWithAnotherUsersPasswordIsRefused() {
        given().auth().preemptive().basic("hannah", DemoUsers.ADMIN_PASSWORD).get("/api/accounts")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("admin", DemoUsers.DEMO_PASSWORD).get("/api/accounts")
                .then().statusCode(401);
    }

    /** External ids of every account the user's listing holds, page by page. */
    private static Set<String> visibleAccounts(DemoUser user) {
        Set<String> ids = new HashSet<>();
        int total;
        int page = 0;
        do {
            var response = given().auth().preemptive().basic(user.username(), user.password())
                    .get("/api/accounts?size=100&page={page}", page)
                    .then().statusCode(200).body("page", equalTo(page)).extract();
            List<String> items = response.path("items.externalId");
            ids.addAll(items);
            total = response.path("total");
            page++;
        } while (page * 100 < total);
        assertEquals(total, ids.size(), user.username() + ": listing total");
        return ids;
    }
}
