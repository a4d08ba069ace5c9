package io.closeloop.vectorstore.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.erasure.Redaction;
import io.closeloop.crm.erasure.RetentionService;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import com.pgvector.PGvector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After erasure nothing of the person is found by semantic or full-text search or on the timeline. */
@QuarkusTest
class VectorStoreErasureTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    RetentionService retention;
    @Inject
    EntityManager em;
    @Inject
    TextEmbedder embedder;

    static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    @Test
    void erasedContactIsFoundByNoSearchAndMentionsElsewhereAreRedacted() {
        Rep rep = fixtures.rep("rep", RepRole.REP, null);
        Rep admin = fixtures.rep("admin", RepRole.ADMIN, null);
        Account account = fixtures.account("Erase Search Co", rep);
        Account other = fixtures.account("Other Search Co", rep);
        String first = "Zephyrine" + CrmFixtures.unique("x").substring(2, 8).replaceAll("[^a-z]", "q");
        Contact dana = fixtures.contact(account, first, EmailConsent.GRANTED);
        String name = dana.firstName + " " + dana.lastName;
        ingest(rep, Map.of("externalId", CrmFixtures.unique("mail"), "channel", "EMAIL", "occurredAt", "2026-01-10T10:00:00Z",
                "contactId", dana.id, "fromEmail", dana.email, "subject", "Budget from " + name,
                "body", name + " writes that the budget for the pilot is frozen until March."));
        ingest(rep, Map.of("externalId", CrmFixtures.unique("note"), "channel", "NOTE", "occurredAt", "2026-01-11T10:00:00Z",
                "accountId", other.id, "body", "Heard from " + name + " that Other Search Co is also evaluating us."));
        as(rep).queryParam("q", name).queryParam("mode", "hybrid").get("/api/interactions/search")
                .then().statusCode(200).body("$", not(empty()));

        as(admin).delete("/api/admin/contacts/{id}", dana.id).then().statusCode(200);

        for (String mode : new String[] { "hybrid", "semantic" }) {
            String found = as(rep).queryParam("q", name).queryParam("mode", mode).queryParam("k", 50)
                    .get("/api/interactions/search").then().statusCode(200).extract().asString();
            assertThat(found).as(mode).doesNotContainIgnoringCase(first).doesNotContain(dana.email);
        }
        String timeline = as(rep).queryParam("accountId", account.id).get("/api/interactions/timeline")
                .then().statusCode(200).extract().asString();
        assertThat(timeline).doesNotContainIgnoringCase(first);
        QuarkusTransaction.requiringNew().run(() -> {
            Number left = (Number) em.createNativeQuery("select count(*) from interaction_chunk where content ilike ?1 or tsv @@ plainto_tsquery('english', ?2)")
                    .setParameter(1, "%" + first + "%").setParameter(2, first).getSingleResult();
            assertThat(left.longValue()).isZero();
            String note = (String) em.createNativeQuery("select body from interaction where account_id = ?1").setParameter(1, other.id).getSingleResult();
            assertThat(note).contains(Redaction.MARK).contains("Other Search Co is also evaluating us");
            // The note's chunk was embedded again from the redacted text: its vector no longer carries the name.
            Object[] chunk = (Object[]) em.createNativeQuery("""
                    select c.content, cast(c.embedding as text) from interaction_chunk c join interaction i on i.id = c.interaction_id
                    where i.account_id = ?1""").setParameter(1, other.id).getSingleResult();
            assertThat((String) chunk[0]).contains(Redaction.MARK);
            float[] stored = parse((String) chunk[1]);
            assertThat(TextEmbedder.cosine(stored, embedder.embed((String) chunk[0]))).isGreaterThan(0.999);
        });
    }

    @Test
    void retentionPurgesInteractionsOlderThanThePeriodOnly() {
        Rep rep = fixtures.rep("rep", RepRole.REP, null);
        Account account = fixtures.account("Retention Co", rep);
        String old = CrmFixtures.unique("old");
        String recent = CrmFixtures.unique("recent");
        ingest(rep, Map.of("externalId", old, "channel", "NOTE", "occurredAt", "1990-01-01T00:00:00Z", "accountId", account.id, "body", "ancient note"));
        ingest(rep, Map.of("externalId", recent, "channel", "NOTE", "occurredAt", "1999-12-01T00:00:00Z", "accountId", account.id, "body", "recent note"));
        retention.purge(Instant.parse("2000-01-01T00:00:00Z")).orElseThrow(); // period P400D in the test profile
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(((Number) em.createNativeQuery("select count(*) from interaction where external_id = ?1").setParameter(1, old).getSingleResult()).longValue()).isZero();
            assertThat(((Number) em.createNativeQuery("select count(*) from interaction where external_id = ?1").setParameter(1, recent).getSingleResult()).longValue()).isOne();
        });
    }

    private static float[] parse(String vector) {
        try {
            return new PGvector(vector).toArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ingest(Rep rep, Map<String, Object> body) {
        int status = as(rep).body(body).post("/api/interactions").then().extract().statusCode();
        assertThat(status).as("ingest " + body.get("externalId")).isIn(200, 201);
    }
}
