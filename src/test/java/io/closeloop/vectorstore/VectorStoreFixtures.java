package io.closeloop.vectorstore;

import static io.restassured.RestAssured.given;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.OutboxEvent;
import io.closeloop.vectorstore.interaction.Interaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Helpers for vector-store tests: interaction bodies, reading what was stored, waiting for async work. */
@ApplicationScoped
public class VectorStoreFixtures {

    private final EntityManager em;

    public VectorStoreFixtures(EntityManager em) {
        this.em = em;
    }

    public static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    /** A valid inbound e-mail with a unique external id; callers add or override fields. */
    public static Map<String, Object> email(String body) {
        Map<String, Object> m = new HashMap<>();
        m.put("externalId", CrmFixtures.unique("ext"));
        m.put("channel", "EMAIL");
        m.put("direction", "INBOUND");
        m.put("occurredAt", "2026-03-02T09:30:00Z");
        m.put("subject", "Hello");
        m.put("body", body);
        return m;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Transactional
    public Interaction byExternalId(String externalId) {
        return Interaction.byExternalId(externalId).orElse(null);
    }

    @Transactional
    public long countByExternalId(String externalId) {
        return Interaction.count("externalId", externalId);
    }

    /** The chunks of an interaction: ordinal, content, account id and the embedding as text, in order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> chunks(long interactionId) {
        return em.createNativeQuery("select ordinal, content, account_id, cast(embedding as text), vector_dims(embedding) "
                + "from interaction_chunk where interaction_id = ?1 order by ordinal").setParameter(1, interactionId).getResultList();
    }

    /** Outbox events of a type about one interaction, oldest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> events(String type, long interactionId) {
        return em.createNativeQuery("select * from outbox where event_type = ?1 and (payload->>'interactionId')::bigint = ?2 order by id",
                OutboxEvent.class).setParameter(1, type).setParameter(2, interactionId).getResultList();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
