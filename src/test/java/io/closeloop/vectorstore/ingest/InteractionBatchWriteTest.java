package io.closeloop.vectorstore.ingest;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static io.closeloop.vectorstore.VectorStoreFixtures.email;
import static io.closeloop.vectorstore.VectorStoreFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.closeloop.vectorstore.VectorStoreFixtures;
import io.closeloop.vectorstore.interaction.Interaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set-based store of a batch (one insert of the new interactions, one of their outbox events)
 * against the real PostgreSQL: every column round-trips, a repeat of an id inside one batch is one
 * row, new, edited and unchanged items mix, and a row the database refuses fails alone.
 */
@QuarkusTest
class InteractionBatchWriteTest {

    @Inject
    CrmFixtures crm;
    @Inject
    VectorStoreFixtures store;
    @Inject
    EntityManager em;

    Rep alice;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("east"));
        account = crm.account("Batch Co", alice);
        contact = crm.contact(account, "Robin", EmailConsent.GRANTED);
    }

    @Test
    void aNewInteractionStoredInTheBatchInsertKeepsEveryFieldAndCanBeEditedLater() {
        Map<String, Object> mail = with(email("Could you send the signed order form by Friday?"), "fromEmail", contact.email,
                "fromName", "Robin Example", "toEmails", List.of("alice@closeloop.example", "ops@closeloop.example"),
                "threadId", "thread-42", "source", "gmail", "companyName", "Batch Co", "occurredAt", "2026-03-02T09:30:00.123456Z");
        Instant before = Instant.now();
        JsonPath created = as(alice).body(List.of(mail)).post("/api/interactions").then().statusCode(200)
                .body("results[0].status", equalTo("CREATED")).extract().jsonPath();
        long id = created.getLong("results[0].interactionId");
        Interaction stored = store.byExternalId((String) mail.get("externalId"));
        assertEquals(id, stored.id);
        assertEquals("gmail", stored.source);
        assertEquals("Hello", stored.subject);
        assertEquals("Could you send the signed order form by Friday?", stored.body);
        assertEquals("thread-42", stored.threadId);
        assertEquals(contact.email, stored.fromEmail);
        assertEquals("Robin Example", stored.fromName);
        assertArrayEquals(new String[] {"alice@closeloop.example", "ops@closeloop.example"}, stored.toEmails);
        assertEquals("Batch Co", stored.companyName);
        assertEquals(Instant.parse("2026-03-02T09:30:00.123456Z"), stored.occurredAt);
        assertEquals(account.id, stored.accountId);
        assertEquals(contact.id, stored.contactId);
        assertEquals("CONTACT_EMAIL", stored.matchMethod.name());
        assertNotNull(stored.matchedAt);
        assertTrue(!stored.createdAt.isBefore(before.minusSeconds(5)) && stored.createdAt.equals(stored.updatedAt));
        assertEquals(0, stored.version);
        assertEquals(1, store.chunks(id).size());
        List<OutboxEvent> events = store.events(InteractionWriter.INGESTED, id);
        assertEquals(1, events.size());
        assertTrue(events.get(0).payload.contains("\"change\": \"CREATED\"") || events.get(0).payload.contains("\"change\":\"CREATED\""),
                events.get(0).payload);

        as(alice).body(List.of(with(mail, "body", "Scratch that: we will sign on Monday."))).post("/api/interactions").then()
                .statusCode(200).body("results[0].status", equalTo("UPDATED")).body("results[0].interactionId", equalTo((int) id));
        Interaction edited = store.byExternalId((String) mail.get("externalId"));
        assertEquals(1, edited.version); // Hibernate's optimistic version works on a row it did not insert
        assertTrue(((String) store.chunks(id).get(0)[1]).contains("sign on Monday"));
    }

    @Test
    void anExternalIdTwiceInOneBatchIsOneRowWithTheLastContent() {
        Map<String, Object> first = email("First draft: we may need 20 seats.");
        Map<String, Object> second = with(first, "body", "Final: we need 35 seats from March.");
        JsonPath r = as(alice).body(List.of(first, second)).post("/api/interactions").then().statusCode(200)
                .body("results[0].status", equalTo("CREATED"))
                .body("results[1].status", equalTo("UPDATED"))
                .extract().jsonPath();
        long id = r.getLong("results[0].interactionId");
        assertEquals(id, r.getLong("results[1].interactionId"));
        assertEquals(1, store.countByExternalId((String) first.get("externalId")));
        assertEquals("Final: we need 35 seats from March.", store.byExternalId((String) first.get("externalId")).body);
        List<Object[]> chunks = store.chunks(id);
        assertEquals(1, chunks.size());
        assertTrue(((String) chunks.get(0)[1]).contains("35 seats"));
        List<OutboxEvent> events = store.events(InteractionWriter.INGESTED, id);
        assertEquals(2, events.size());
        assertTrue(events.get(0).payload.contains("CREATED") && events.get(1).payload.contains("UPDATED"));
    }

    @Test
    void newEditedAndUnchangedItemsMixInOneBatch() {
        Map<String, Object> kept = email("Thanks for the demo yesterday.");
        Map<String, Object> edited = email("The budget is frozen.");
        as(alice).body(List.of(kept, edited)).post("/api/interactions").then().statusCode(200).body("created", equalTo(2));
        long editedId = store.byExternalId((String) edited.get("externalId")).id;
        Map<String, Object> fresh = email("Who owns the renewal on your side?");
        as(alice).body(List.of(kept, with(edited, "body", "The budget is approved."), fresh)).post("/api/interactions").then()
                .statusCode(200)
                .body("results[0].status", equalTo("UNCHANGED"))
                .body("results[1].status", equalTo("UPDATED"))
                .body("results[2].status", equalTo("CREATED"));
        assertEquals(2, store.events(InteractionWriter.INGESTED, editedId).size());
        assertEquals(1, store.events(InteractionWriter.INGESTED, store.byExternalId((String) kept.get("externalId")).id).size());
        assertTrue(((String) store.chunks(editedId).get(0)[1]).contains("approved"));
        assertEquals(1, store.chunks(store.byExternalId((String) fresh.get("externalId")).id).size());
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneAndNothingOfItIsWritten() {
        // A rule the validator does not know (as a constraint added later would be): the batch insert fails, the
        // pipeline stores the items one by one, the refused one fails with the reason and leaves nothing behind.
        String refused = CrmFixtures.unique("refused");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("create or replace function test_refuse_interaction() returns trigger language plpgsql as $$ "
                    + "begin if new.external_id like 'refused%' then raise exception 'refused by test rule'; end if; return new; end $$")
                    .executeUpdate();
            em.createNativeQuery("create trigger test_refuse_interaction before insert on interaction for each row "
                    + "execute function test_refuse_interaction()").executeUpdate();
        });
        try {
            Map<String, Object> good = email("Please call me back about the invoice.");
            Map<String, Object> bad = with(email("This one is refused."), "externalId", refused);
            Map<String, Object> good2 = email("We would like to add five seats.");
            as(alice).body(List.of(good, bad, good2)).post("/api/interactions").then().statusCode(200)
                    .body("results[0].status", equalTo("CREATED"))
                    .body("results[1].status", equalTo("FAILED"))
                    .body("results[1].errors[0].reason", containsString("refused by test rule"))
                    .body("results[2].status", equalTo("CREATED"));
            assertEquals(0, store.countByExternalId(refused));
            assertEquals(1, store.countByExternalId((String) good.get("externalId")));
            assertEquals(1, store.countByExternalId((String) good2.get("externalId")));
            long orphans = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox where payload->>'externalId' = ?1").setParameter(1, refused).getSingleResult()).longValue());
            assertEquals(0, orphans);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("drop trigger if exists test_refuse_interaction on interaction").executeUpdate();
                em.createNativeQuery("drop function if exists test_refuse_interaction()").executeUpdate();
            });
        }
    }
}
