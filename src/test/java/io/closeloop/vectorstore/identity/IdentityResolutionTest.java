package io.closeloop.vectorstore.identity;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static io.closeloop.vectorstore.VectorStoreFixtures.await;
import static io.closeloop.vectorstore.VectorStoreFixtures.email;
import static io.closeloop.vectorstore.VectorStoreFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.vectorstore.VectorStoreFixtures;
import io.closeloop.vectorstore.ingest.InteractionWriter;
import io.closeloop.vectorstore.interaction.Interaction;
import io.closeloop.vectorstore.interaction.MatchMethod;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contact by address, else account by domain or name, else unmatched and listed; later matches attach; every match says how. */
@QuarkusTest
class IdentityResolutionTest {

    @Inject
    CrmFixtures crm;
    @Inject
    VectorStoreFixtures store;

    Rep alice;
    Rep admin;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        Team team = crm.team("identity");
        alice = crm.rep("alice", RepRole.REP, team);
        admin = crm.rep("admin", RepRole.ADMIN, null);
        account = crm.account("Identity Co", alice);
        contact = crm.contact(account, "Erin", EmailConsent.UNKNOWN);
    }

    Interaction ingest(Map<String, Object> mail) {
        as(alice).body(mail).post("/api/interactions").then().statusCode(201);
        return store.byExternalId((String) mail.get("externalId"));
    }

    @Test
    void anUnknownAddressAtTheAccountsDomainMatchesTheAccount() {
        Interaction i = ingest(with(email("Forwarding this to our procurement team."), "fromEmail", "procurement@" + account.domain));
        assertEquals(MatchMethod.ACCOUNT_DOMAIN, i.matchMethod);
        assertEquals(account.id, i.accountId);
        assertEquals(null, i.contactId);
        assertTrue(i.matchDetail.contains("by domain " + account.domain), i.matchDetail);
    }

    @Test
    void aCompanyNameMatchesTheAccountWhenNoAddressDoes() {
        Interaction i = ingest(with(email("Call notes"), "channel", "CALL", "companyName", account.name.toUpperCase() + ", Inc."));
        assertEquals(MatchMethod.ACCOUNT_NAME, i.matchMethod);
        assertEquals(account.id, i.accountId);
    }

    @Test
    void aPersonalMailboxDomainNeverMatchesAnAccountByDomain() {
        Account zoho = QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findById(crm.account("Mailbox Co", alice).id);
            a.domain = "zoho.com";
            return a;
        });
        Interaction i = ingest(with(email("Hi, quick question"), "fromEmail", CrmFixtures.unique("someone") + "@zoho.com"));
        assertEquals(MatchMethod.UNMATCHED, i.matchMethod, "zoho.com is a personal mail domain, not account " + zoho.id);
    }

    @Test
    void anOutboundEmailMatchesTheRecipientNotOurRep() {
        Interaction i = ingest(with(email("Here is the quote you asked for."), "direction", "OUTBOUND", "fromEmail", alice.email,
                "toEmails", List.of(alice.email, contact.email)));
        assertEquals(MatchMethod.CONTACT_EMAIL, i.matchMethod);
        assertEquals(contact.id, i.contactId);
    }

    @Test
    void anUnmatchedInteractionIsListedAndAttachedWhenAMatchingContactIsCreatedLater() {
        String address = CrmFixtures.unique("newperson") + "@" + account.domain.replace(".example", "-sub.example");
        Interaction i = ingest(with(email("We spoke at the conference last week."), "fromEmail", address));
        assertEquals(MatchMethod.UNMATCHED, i.matchMethod);
        as(admin).get("/api/interactions/unmatched?size=500").then().statusCode(200)
                .body("items.id", hasItem(i.id.intValue()));
        as(alice).get("/api/interactions/unmatched").then().statusCode(403);

        as(alice).body(Map.of("accountId", account.id, "firstName", "Newly", "email", address)).post("/api/contacts")
                .then().statusCode(201);

        await("interaction attached after crm.contact.created", Duration.ofSeconds(30),
                () -> store.byExternalId(i.externalId).matchMethod == MatchMethod.CONTACT_EMAIL);
        Interaction attached = store.byExternalId(i.externalId);
        assertEquals(account.id, attached.accountId);
        assertEquals(account.id, ((Number) store.chunks(i.id).get(0)[2]).longValue(), "chunks carry the new account for filtered search");
        assertTrue(store.events(InteractionWriter.INGESTED, i.id).stream().anyMatch(e -> e.payload.contains("ATTACHED")));
        as(admin).get("/api/interactions/unmatched?size=500").then().body("items.id", not(hasItem(i.id.intValue())));
    }

    @Test
    void anAdminAttachesAnUnmatchedInteractionByHand() {
        Interaction i = ingest(with(email("Voicemail transcript"), "channel", "CALL"));
        assertEquals(MatchMethod.UNMATCHED, i.matchMethod);
        as(alice).body(Map.of("accountId", account.id)).post("/api/interactions/{id}/match", i.id).then().statusCode(403);
        as(admin).body(Map.of("accountId", account.id, "contactId", contact.id)).post("/api/interactions/{id}/match", i.id)
                .then().statusCode(200)
                .body("matchMethod", equalTo("MANUAL"))
                .body("contactId", equalTo(contact.id.intValue()));
        as(alice).get("/api/interactions/{id}", i.id).then().statusCode(200).body("accountId", equalTo(account.id.intValue()));
    }
}
