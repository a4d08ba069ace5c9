package io.closeloop.crm.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rep sees and changes only their own and team-shared accounts; managers their team; admins all. */
@QuarkusTest
class OwnershipTest {

    @Inject
    CrmFixtures fixtures;

    Rep alice;      // rep, team east, owns `owned`
    Rep bob;        // rep, team east, owns nothing
    Rep carol;      // rep, team west, owns `shared`
    Rep manager;    // manager of east
    Rep westManager;
    Rep admin;
    Account owned;
    Account shared; // owned by carol (west), shared with east
    Contact contact;
    Deal deal;

    @BeforeEach
    void setUp() {
        Team east = fixtures.team("east");
        Team west = fixtures.team("west");
        alice = fixtures.rep("alice", RepRole.REP, east);
        bob = fixtures.rep("bob", RepRole.REP, east);
        carol = fixtures.rep("carol", RepRole.REP, west);
        manager = fixtures.rep("manager", RepRole.MANAGER, east);
        westManager = fixtures.rep("westmanager", RepRole.MANAGER, west);
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
        owned = fixtures.account("Owned Co", alice);
        shared = fixtures.account("Shared Co", carol);
        fixtures.share(shared, east);
        contact = fixtures.contact(owned, "Dana", EmailConsent.GRANTED);
        deal = fixtures.deal(owned, "Renewal", DealStage.PROPOSAL, alice);
    }

    static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void ownerAndTheirManagerAndAdminSeeTheAccount() {
        for (Rep rep : new Rep[] { alice, manager, admin }) {
            as(rep).get("/api/accounts/{id}", owned.id).then().statusCode(200).body("name", equalTo(owned.name));
        }
    }

    @Test
    void otherRepsAndOtherTeamsManagerGetNotFoundForAnotherRepsAccount() {
        for (Rep rep : new Rep[] { bob, carol, westManager }) {
            as(rep).get("/api/accounts/{id}", owned.id).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:closeloop:problem:not-found"));
            as(rep).get("/api/contacts/{id}", contact.id).then().statusCode(404);
            as(rep).get("/api/deals/{id}", deal.id).then().statusCode(404);
        }
    }

    @Test
    void listsContainOnlyVisibleAccounts() {
        as(bob).get("/api/accounts?size=500").then().statusCode(200)
                .body("items.id", not(hasItem(owned.id.intValue())))
                .body("items.id", hasItem(shared.id.intValue()));
        as(alice).get("/api/accounts?size=500").then().statusCode(200)
                .body("items.id", hasItem(owned.id.intValue()));
        as(bob).get("/api/contacts?accountId={id}", owned.id).then().statusCode(200).body("total", equalTo(0));
        as(bob).get("/api/deals?accountId={id}", owned.id).then().statusCode(200).body("total", equalTo(0));
        as(carol).get("/api/accounts?size=500").then().statusCode(200)
                .body("items.owner.id", everyItem(equalTo(carol.id.intValue())));
    }

    @Test
    void crossRepWritesAreRefusedAndChangeNothing() {
        as(bob).body(Map.of("name", "Hijacked", "version", 0)).patch("/api/accounts/{id}", owned.id)
                .then().statusCode(404);
        as(bob).body(Map.of("title", "Hijacked", "version", 0)).patch("/api/contacts/{id}", contact.id)
                .then().statusCode(404);
        as(bob).body(Map.of("stage", "CLOSED_LOST", "version", 0)).patch("/api/deals/{id}", deal.id)
                .then().statusCode(404);
        as(bob).body(Map.of("accountId", owned.id, "email", "new@owned.example")).post("/api/contacts")
                .then().statusCode(404);
        as(alice).get("/api/accounts/{id}", owned.id).then().body("name", equalTo(owned.name));
        as(alice).get("/api/deals/{id}", deal.id).then().body("stage", equalTo("PROPOSAL"));
    }

    @Test
    void teamSharedAccountCanBeChangedByTeamRep() {
        int version = as(bob).get("/api/accounts/{id}", shared.id).then().statusCode(200).extract().path("version");
        as(bob).body(Map.of("industry", "Logistics", "version", version)).patch("/api/accounts/{id}", shared.id)
                .then().statusCode(200).body("industry", equalTo("Logistics"));
    }

    @Test
    void repCannotReassignAndManagerOnlyWithinTeam() {
        as(alice).body(Map.of("ownerId", bob.id, "version", 0)).patch("/api/accounts/{id}", owned.id)
                .then().statusCode(403).body("type", equalTo("urn:closeloop:problem:forbidden"));
        as(manager).body(Map.of("ownerId", carol.id, "version", 0)).patch("/api/accounts/{id}", owned.id)
                .then().statusCode(403);
        as(manager).body(Map.of("ownerId", bob.id, "version", 0)).patch("/api/accounts/{id}", owned.id)
                .then().statusCode(200).body("owner.id", equalTo(bob.id.intValue()));
        as(alice).get("/api/accounts/{id}", owned.id).then().statusCode(404);
    }

    @Test
    void unauthenticatedAndWrongPasswordGet401Problem() {
        given().get("/api/accounts").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"closeloop\"");
        given().auth().preemptive().basic(alice.username, "wrong").get("/api/accounts").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
