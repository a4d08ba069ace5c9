package io.closeloop.vectorstore.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pgvector.PGvector;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestStatus;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.closeloop.vectorstore.retrieval.InteractionSearch;
import io.closeloop.vectorstore.retrieval.SearchFilter;
import io.closeloop.vectorstore.retrieval.SearchHit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-embedding after a change of model, against the real PostgreSQL: chunks of another model are
 * re-embedded with the configured one, a run that dies half-way is resumed by the next, a run
 * when everything is current does nothing, and search never compares vectors of two models.
 */
@QuarkusTest
class ChunkReEmbedderTest {

    static final String OLD_MODEL = "all-minilm-l6-v2-q";

    @Inject
    CrmFixtures crm;
    @Inject
    IngestionPipeline pipeline;
    @Inject
    ChunkReEmbedder reEmbedder;
    @Inject
    TextEmbedder embedder;
    @Inject
    InteractionSearch search;
    @Inject
    EntityManager em;

    Rep admin;
    Account account;

    @BeforeEach
    void setUp() throws Exception {
        reEmbedder.run(100, p -> { }); // whatever other tests left behind
        admin = crm.rep("admin", RepRole.ADMIN, null);
        account = crm.account("Reembed Co", crm.rep("owner", RepRole.REP, crm.team("reembed")));
    }

    long ingest(String subject, String body) {
        IngestResult result = pipeline.ingestOne(new InteractionInput(CrmFixtures.unique("reembed"), "test", "EMAIL", "INBOUND",
                "2026-03-02T09:30:00Z", account.id, null, null, subject, body, null, null, null, List.of(), null), IngestPath.API, null);
        assertEquals(IngestStatus.CREATED, result.status());
        return result.interactionId();
    }

    /** What a deployment with the old model would have stored: the old model's vectors, marked as such. */
    void embeddedByOldModel(long interactionId) {
        QuarkusTransaction.requiringNew().run(() -> storeOldModelVectors(interactionId));
    }

    private void storeOldModelVectors(long interactionId) {
        TextEmbedder old = new TextEmbedder(OLD_MODEL, 32, null);
        @SuppressWarnings("unchecked")
        List<Object[]> chunks = em.createNativeQuery("select id, content from interaction_chunk where interaction_id = ?1")
                .setParameter(1, interactionId).getResultList();
        for (Object[] chunk : chunks) {
            em.createNativeQuery("update interaction_chunk set embedding = cast(?1 as vector), embedding_model = ?2 where id = ?3")
                    .setParameter(1, new PGvector(old.embed((String) chunk[1])).getValue()).setParameter(2, OLD_MODEL)
                    .setParameter(3, ((Number) chunk[0]).longValue()).executeUpdate();
        }
        em.createNativeQuery("update interaction set embedding_model = ?1 where id = ?2").setParameter(1, OLD_MODEL)
                .setParameter(2, interactionId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<Object[]> chunks(long interactionId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select content, cast(embedding as text), embedding_model from interaction_chunk "
                + "where interaction_id = ?1 order by ordinal").setParameter(1, interactionId).getResultList());
    }

    String interactionModel(long interactionId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select embedding_model from interaction where id = ?1").setParameter(1, interactionId).getSingleResult());
    }

    @Test
    void aChunkEmbeddedByAnotherModelIsReEmbeddedWithTheConfiguredOne() throws Exception {
        long id = ingest("Renewal pricing", "We would like to renew for three years if you can hold this year's price per seat.");
        embeddedByOldModel(id);
        assertEquals(OLD_MODEL, chunks(id).get(0)[2]);

        assertEquals(1, reEmbedder.run(10, p -> { }));

        for (Object[] chunk : chunks(id)) {
            assertEquals(embedder.modelName(), chunk[2]);
            assertArrayEquals(embedder.embed((String) chunk[0]), new PGvector((String) chunk[1]).toArray(), 1e-5f);
        }
        assertEquals(embedder.modelName(), interactionModel(id));
        assertEquals(0, reEmbedder.outdated());
    }

    @Test
    void aRunThatDiesHalfWayIsResumedAndARunWithNothingOutdatedDoesNothing() throws Exception {
        List<Long> ids = List.of(ingest("Quote", "Please send a quote for 40 seats of Pipeline Analytics."),
                ingest("Call moved", "Can we move Thursday's call to Friday morning?"),
                ingest("Complaint", "The export has failed three nights in a row and nobody answered our ticket."));
        ids.forEach(this::embeddedByOldModel);
        long before = reEmbedder.outdated();
        assertEquals(3, before);

        RuntimeException crash = assertThrows(RuntimeException.class, () -> reEmbedder.run(1, p -> {
            throw new RuntimeException("killed after the first batch");
        }));
        assertEquals("killed after the first batch", crash.getMessage());
        assertEquals(before - 1, reEmbedder.outdated(), "the first batch was committed before the crash");

        List<Long> reported = new ArrayList<>();
        assertEquals(before - 1, reEmbedder.run(1, p -> reported.add(p.done())));
        assertEquals(List.of(1L, 2L), reported, "progress after every batch");
        assertEquals(0, reEmbedder.outdated());
        ids.forEach(id -> assertEquals(embedder.modelName(), interactionModel(id)));

        assertEquals(0, reEmbedder.run(1, p -> {
            throw new AssertionError("nothing to re-embed, so no batch");
        }));
    }

    @Test
    void searchOnlyComparesVectorsOfTheConfiguredModel() throws Exception {
        long stale = ingest("Security questionnaire", "Their CISO sent a 200-question security questionnaire about data residency.");
        String query = "security questionnaire about data residency";
        assertTrue(hitIds(query).contains(stale), "found while its vectors are current");

        embeddedByOldModel(stale);
        assertFalse(hitIds(query).contains(stale), "a vector of another model is never compared with the query");
        assertTrue(search.similar(admin, stale, SearchFilter.NONE, 5).isEmpty(), "no current vectors to be similar from");

        reEmbedder.run(10, p -> { });
        assertTrue(hitIds(query).contains(stale), "found again once re-embedded");
    }

    List<Long> hitIds(String query) {
        return search.semantic(admin, query, SearchFilter.account(account.id), 10).stream().map(SearchHit::interactionId).toList();
    }
}
