package io.closeloop.vectorstore.ingest;

import static io.closeloop.vectorstore.VectorStoreFixtures.as;
import static io.closeloop.vectorstore.VectorStoreFixtures.email;
import static io.closeloop.vectorstore.VectorStoreFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chunk vectors travel to PostgreSQL as one binary {@code real[]} sliced per chunk: every
 * float arrives bit for bit on its own chunk, a vector of the wrong length is refused before
 * anything is written, and the pipeline stores exactly what the embedder returned.
 */
@QuarkusTest
class ChunkStoreTest {

    @Inject
    CrmFixtures crm;
    @Inject
    ChunkStore chunks;
    @Inject
    TextEmbedder embedder;
    @Inject
    Chunker chunker;
    @Inject
    EntityManager em;

    private static final float HALF_MAX = 65504f;

    Rep alice;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("east"));
    }

    @Test
    void everyFloatArrivesBitForBitOnItsOwnChunk() {
        long first = ingest("First interaction.");
        long second = ingest("Second interaction.");
        Random random = new Random(42);
        List<float[]> firstVectors = List.of(awkward(random), awkward(random));
        List<float[]> secondVectors = List.of(awkward(random));
        ChunkStore.Links links = new ChunkStore.Links(null, null, null, "EMAIL", Instant.parse("2026-03-02T09:30:00Z"));
        QuarkusTransaction.requiringNew().run(() -> chunks.replace(List.of(
                new ChunkStore.Rows(first, links, List.of("a", "b"), firstVectors),
                new ChunkStore.Rows(second, links, List.of("c"), secondVectors)), "test-model"));

        assertBitsEqual(firstVectors, stored(first));
        assertBitsEqual(secondVectors, stored(second));
    }

    @Test
    void aVectorOfTheWrongLengthIsRefusedAndTheStoredChunksStay() {
        long id = ingest("Please send the quote.");
        List<float[]> before = stored(id);
        ChunkStore.Links links = new ChunkStore.Links(null, null, null, "EMAIL", Instant.parse("2026-03-02T09:30:00Z"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> chunks.replace(List.of(new ChunkStore.Rows(id, links, List.of("a", "b"),
                        List.of(new float[TextEmbedder.DIMENSIONS], new float[TextEmbedder.DIMENSIONS - 1]))), "test-model")));
        assertEquals("vector of 383 dimensions in a batch of 384", refused.getMessage());
        assertBitsEqual(before, stored(id));
    }

    @Test
    void theStoredVectorIsExactlyWhatTheEmbedderReturned() {
        String body = "We compared your renewal quote with a competitor's offer and need a better price before Friday. ".repeat(15);
        long id = ingest(body);
        List<float[]> expected = embedder.embedAll(chunker.chunks("Hello", body));
        assertTrue(expected.size() > 1, "a long body is several chunks");
        assertBitsEqual(expected, stored(id));
    }

    private long ingest(String body) {
        Map<String, Object> mail = with(email(body), "externalId", CrmFixtures.unique("chunkstore"));
        return as(alice).body(mail).post("/api/interactions").then().statusCode(201).extract().jsonPath().getLong("interactionId");
    }

    /**
     * 384 floats of every kind the index accepts (its half-precision copy needs |x| ≤ 65504): random
     * bit patterns, subnormals included, a signed zero, the extremes.
     */
    private static float[] awkward(Random random) {
        float[] v = new float[TextEmbedder.DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            float f;
            do {
                f = Float.intBitsToFloat(random.nextInt());
            } while (!Float.isFinite(f) || Math.abs(f) > HALF_MAX);
            v[i] = f;
        }
        v[0] = -0.0f;
        v[1] = Float.MIN_VALUE;
        v[2] = HALF_MAX;
        v[3] = 1.0f / 3;
        return v;
    }

    private List<float[]> stored(long interactionId) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            List<float[]> vectors = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "select cast(embedding as real[]) from interaction_chunk where interaction_id = ? order by ordinal")) {
                ps.setLong(1, interactionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Float[] boxed = (Float[]) rs.getArray(1).getArray();
                        float[] v = new float[boxed.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = boxed[i];
                        }
                        vectors.add(v);
                    }
                }
            }
            return vectors;
        }));
    }

    private static void assertBitsEqual(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size(), "chunks");
        for (int c = 0; c < expected.size(); c++) {
            assertEquals(expected.get(c).length, actual.get(c).length, "dimensions of chunk " + c);
            for (int i = 0; i < expected.get(c).length; i++) {
                assertEquals(Float.floatToRawIntBits(expected.get(c)[i]), Float.floatToRawIntBits(actual.get(c)[i]),
                        "chunk " + c + ", element " + i);
            }
        }
    }
}
