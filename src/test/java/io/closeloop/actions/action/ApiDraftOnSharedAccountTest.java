package io.closeloop.actions.action;

import static io.closeloop.actions.ActionFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Found by the load test: a rep drafting over the API on an account another team's rep owns and
 * shares with the rep's team got 404 for a draft that was stored (in the owner's queue, invisible
 * to the drafter), so a retry drafted it again. A rep's API draft now lands in their own queue.
 */
@QuarkusTest
class ApiDraftOnSharedAccountTest {

    @Inject
    CrmFixtures crm;

    @Test
    void repDraftingOnASharedAccountGets201AndFindsTheDraftInTheirQueue() {
        Team east = crm.team("east");
        Team west = crm.team("west");
        Rep owner = crm.rep("owner", RepRole.REP, west);
        Rep drafter = crm.rep("drafter", RepRole.REP, east);
        Account shared = crm.account("Shared Co", owner);
        crm.share(shared, east);
        Contact contact = crm.contact(shared, "Sam", EmailConsent.GRANTED);

        int id = as(drafter).body(Map.of("type", "EMAIL", "accountId", shared.id, "contactId", contact.id,
                        "recipients", List.of(contact.email), "subject", "Hello", "body", "Hello,\nshall we talk?",
                        "agent", "api-client", "route", "api"))
                .post("/api/actions").then().statusCode(201).body("owner.username", equalTo(drafter.username))
                .extract().path("id");
        as(drafter).get("/api/actions?status=DRAFTED").then().statusCode(200).body("items.id", hasItem(id));
    }
}
