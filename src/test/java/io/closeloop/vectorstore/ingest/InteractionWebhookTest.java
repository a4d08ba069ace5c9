package io.closeloop.vectorstore.ingest;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static io.closeloop.vectorstore.VectorStoreFixtures.email;
import static io.closeloop.vectorstore.VectorStoreFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.vectorstore.VectorStoreFixtures;
import io.closeloop.vectorstore.interaction.Interaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook stores, links, chunks and embeds interactions idempotently, and refuses bad input without writing. */
@QuarkusTest
class InteractionWebhookTest {

    @Inject
    CrmFixtures crm;
    @Inject
    VectorStoreFixtures store;
    @Inject
    IngestionConfig config;

    Rep alice;
    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        Team team = crm.team("east");
        alice = crm.rep("alice", RepRole.REP, team);
        account = crm.account("Webhook Co", alice);
        contact = crm.contact(account, "Dana", EmailConsent.GRANTED);
    }

    @Test
    void storesAnEmailLinkedToTheContactByAddressWithEmbeddedChunkAndEvent() {
        Map<String, Object> mail = with(email("We need a quote for 40 seats before the end of the quarter."),
                "fromEmail", contact.email.toUpperCase());
        int id = as(alice).body(mail).post("/api/interactions").then().statusCode(201)
                .body("status", equalTo("CREATED"))
                .body("matchMethod", equalTo("CONTACT_EMAIL"))
                .extract().path("interactionId");
        Interaction stored = store.byExternalId((String) mail.get("externalId"));
        assertEquals(account.id, stored.accountId);
        assertEquals(contact.id, stored.contactId);
        assertTrue(stored.matchDetail.contains("contact " + contact.id), stored.matchDetail);
        List<Object[]> chunks = store.chunks(id);
        assertEquals(1, chunks.size());
        assertEquals(384, ((Number) chunks.get(0)[4]).intValue());
        assertEquals(account.id, ((Number) chunks.get(0)[2]).longValue());
        assertTrue(((String) chunks.get(0)[1]).startsWith("Hello\n\nWe need a quote"));
        assertEquals(1, store.events(InteractionWriter.INGESTED, id).size());
    }

    @Test
    void repeatingAnExternalIdGivesTheSameResultAndNoSecondRowOrEvent() {
        Map<String, Object> mail = email("Can we move Thursday's call to Friday?");
        int id = as(alice).body(mail).post("/api/interactions").then().statusCode(201).extract().path("interactionId");
        as(alice).body(mail).post("/api/interactions").then().statusCode(200)
                .body("status", equalTo("UNCHANGED"))
                .body("interactionId", equalTo(id));
        assertEquals(1, store.countByExternalId((String) mail.get("externalId")));
        assertEquals(1, store.chunks(id).size());
        assertEquals(1, store.events(InteractionWriter.INGESTED, id).size());
    }

    @Test
    void anEditedInteractionIsStoredAgainAndReembedded() {
        Map<String, Object> mail = email("Our CFO froze the budget for Q3.");
        int id = as(alice).body(mail).post("/api/interactions").then().statusCode(201).extract().path("interactionId");
        String before = (String) store.chunks(id).get(0)[3];
        as(alice).body(with(mail, "body", "Good news: the budget for Q3 is approved and we can sign next week."))
                .post("/api/interactions").then().statusCode(200)
                .body("status", equalTo("UPDATED"))
                .body("interactionId", equalTo(id));
        List<Object[]> after = store.chunks(id);
        assertEquals(1, after.size());
        assertTrue(((String) after.get(0)[1]).contains("budget for Q3 is approved"));
        assertNotEquals(before, after.get(0)[3]);
        assertEquals(2, store.events(InteractionWriter.INGESTED, id).size());
    }

    @Test
    void aLongBodyIsSplitIntoSeveralEmbeddedChunks() {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            body.append("Paragraph ").append(p).append(": the rollout in region ").append(p)
                    .append(" needs two more trainers, a revised data migration plan and a sign-off from procurement. ".repeat(3))
                    .append("\n\n");
        }
        int id = as(alice).body(email(body.toString())).post("/api/interactions").then().statusCode(201).extract().path("interactionId");
        List<Object[]> chunks = store.chunks(id);
        assertTrue(chunks.size() >= 4, "chunks: " + chunks.size());
        for (Object[] chunk : chunks) {
            assertTrue(((String) chunk[1]).length() <= config.chunkMaxChars());
        }
        assertTrue(((String) chunks.get(chunks.size() - 1)[1]).contains("Paragraph 11"));
    }

    @Test
    void rejectsAnEmptyOrWhitespaceBodyNamingTheField() {
        for (String body : new String[] { "", "   \n\t  " }) {
            Map<String, Object> mail = email(body);
            as(alice).body(mail).post("/api/interactions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                    .body("errors.field", hasItem("body"));
            assertEquals(0, store.countByExternalId((String) mail.get("externalId")));
        }
    }

    @Test
    void rejectsABodyOverTheLimitWith413NamingTheLimit() {
        Map<String, Object> mail = email("x".repeat(config.maxBodyBytes() + 1));
        as(alice).body(mail).post("/api/interactions").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:payload-too-large"))
                .body("detail", containsString(String.valueOf(config.maxBodyBytes())));
        assertEquals(0, store.countByExternalId((String) mail.get("externalId")));
    }

    @Test
    void rejectsInvalidUtf8WithTheOffsetAndStoresNothing() {
        String externalId = CrmFixtures.unique("utf8");
        byte[] prefix = ("{\"externalId\":\"" + externalId + "\",\"channel\":\"EMAIL\",\"occurredAt\":\"2026-03-02T09:30:00Z\",\"body\":\"caf")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3; // a lead byte without its continuation
        bytes[prefix.length + 1] = '"';
        bytes[prefix.length + 2] = '}';
        as(alice).contentType(ContentType.JSON).body(bytes).post("/api/interactions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].reason", containsString("not valid UTF-8"));
        assertEquals(0, store.countByExternalId(externalId));
    }

    @Test
    void malformedJsonIsAProblemNamingLineAndColumn() {
        as(alice).body("{\"externalId\": \"x\", \"body\": ").post("/api/interactions").then().statusCode(400)
                .body("type", equalTo("urn:closeloop:problem:malformed-request"))
                .body("errors[0].reason", containsString("line 1"));
    }

    @Test
    void aBatchRejectsBadItemsByIndexAndStoresTheRest() {
        Map<String, Object> good = email("Please send the renewal order form.");
        Map<String, Object> good2 = email("The sync failed again last night.");
        List<Object> batch = List.of(good, with(email(" "), "externalId", CrmFixtures.unique("bad")),
                Map.of("externalId", CrmFixtures.unique("bad"), "accountId", "not-a-number", "body", "x"),
                with(email("Wrong channel"), "channel", "PIGEON"), good2);
        as(alice).body(batch).post("/api/interactions").then().statusCode(200)
                .body("received", equalTo(5))
                .body("created", equalTo(2))
                .body("rejected", equalTo(3))
                .body("results[0].status", equalTo("CREATED"))
                .body("results[1].status", equalTo("REJECTED"))
                .body("results[1].errors[0].field", equalTo("body"))
                .body("results[2].errors[0].field", equalTo("accountId"))
                .body("results[3].errors[0].field", equalTo("channel"))
                .body("results[4].status", equalTo("CREATED"))
                .body("results[4].index", equalTo(4));
        assertEquals(1, store.countByExternalId((String) good2.get("externalId")));
    }

    @Test
    void unknownAccountAndContactIdsAreKeptAsUnmatchedNotRejected() {
        Map<String, Object> mail = with(email("Who should we talk to about pricing?"), "accountId", 987654321L, "contactId", 987654322L,
                "fromEmail", "someone@" + CrmFixtures.unique("nowhere") + ".example");
        as(alice).body(mail).post("/api/interactions").then().statusCode(201)
                .body("matchMethod", equalTo("UNMATCHED"));
        Interaction stored = store.byExternalId((String) mail.get("externalId"));
        assertEquals(null, stored.accountId);
        assertTrue(stored.matchDetail.contains("accountId 987654321 is unknown"), stored.matchDetail);
        assertTrue(stored.matchDetail.contains("contactId 987654322 is unknown"), stored.matchDetail);
    }

    @Test
    void anAccountIdTheRepCannotSeeIsTreatedAsUnknown() {
        Rep other = crm.rep("other", RepRole.REP, crm.team("west"));
        Account hidden = crm.account("Hidden Co", other);
        Map<String, Object> mail = with(email("Notes"), "accountId", hidden.id);
        as(alice).body(mail).post("/api/interactions").then().statusCode(201)
                .body("matchMethod", equalTo("UNMATCHED"))
                .body("errors", nullValue());
        as(other).body(with(mail, "externalId", CrmFixtures.unique("own"))).post("/api/interactions").then().statusCode(201)
                .body("matchMethod", equalTo("ACCOUNT_ID"));
    }
}
