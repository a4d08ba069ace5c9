package io.closeloop.vectorstore.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.postgresql.PGConnection;

/**
 * Writes the chunks of an interaction with their embeddings ({@code vector(384)}) on the caller's
 * transaction and connection, a whole ingestion batch per statement. The vectors travel in binary:
 * one flat {@code real[]} parameter (pgjdbc sends a primitive {@code float[]} in PostgreSQL's binary
 * array format), sliced per chunk and cast to {@code vector} by the server, instead of 384 decimal
 * numbers per chunk formatted by the JVM and parsed by PostgreSQL.
 */
@ApplicationScoped
public class ChunkStore {

    /** The filter fields copied onto every chunk of an interaction. */
    public record Links(Long accountId, Long contactId, Long dealId, String channel, Instant occurredAt) {
    }

    private final EntityManager em;

    public ChunkStore(EntityManager em) {
        this.em = em;
    }

    /** The new chunks of one interaction, with their vectors. */
    public record Rows(long interactionId, Links links, List<String> contents, List<float[]> vectors) {

        public Rows {
            if (contents.size() != vectors.size()) {
                throw new IllegalArgumentException(contents.size() + " chunks but " + vectors.size() + " vectors");
            }
        }
    }

    /**
     * Replaces the chunks of these interactions with two statements for the whole batch: one
     * delete, one multi-row insert (arrays unnested server-side), recording the model that embedded them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(List<Rows> batch, String model) {
        if (batch.isEmpty()) {
            return;
        }
        em.flush();
        List<Long> interactions = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<Long> accounts = new ArrayList<>();
        List<Long> contacts = new ArrayList<>();
        List<Long> deals = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        int dimension = batch.stream().flatMap(r -> r.vectors().stream()).findFirst().map(v -> v.length).orElse(0);
        List<float[]> vectors = new ArrayList<>();
        for (Rows rows : batch) {
            interactions.add(rows.interactionId());
            for (int i = 0; i < rows.contents().size(); i++) {
                ids.add(rows.interactionId());
                ordinals.add(i);
                accounts.add(rows.links().accountId());
                contacts.add(rows.links().contactId());
                deals.add(rows.links().dealId());
                channels.add(rows.links().channel());
                times.add(rows.links().occurredAt().toString());
                contents.add(rows.contents().get(i));
                float[] vector = rows.vectors().get(i);
                if (vector.length != dimension) { // the flat array is sliced by position: one wrong length would shift every later vector
                    throw new IllegalArgumentException("vector of " + vector.length + " dimensions in a batch of " + dimension);
                }
                vectors.add(vector);
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from interaction_chunk where interaction_id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", interactions.toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, model);
                insert.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                insert.setArray(3, connection.createArrayOf("int", ordinals.toArray()));
                insert.setArray(4, connection.createArrayOf("bigint", accounts.toArray()));
                insert.setArray(5, connection.createArrayOf("bigint", contacts.toArray()));
                insert.setArray(6, connection.createArrayOf("bigint", deals.toArray()));
                insert.setArray(7, connection.createArrayOf("text", channels.toArray()));
                insert.setArray(8, connection.createArrayOf("text", times.toArray()));
                insert.setArray(9, connection.createArrayOf("text", contents.toArray()));
                // PGConnection.createArrayOf takes a primitive array, which it encodes in binary
                insert.setArray(10, connection.unwrap(PGConnection.class).createArrayOf("float4", flat(vectors, dimension)));
                insert.setInt(11, dimension);
                insert.executeUpdate();
            }
        });
    }

    /** Chunk n (from 1) takes elements (n-1)*d+1 .. n*d of the flat vector array; the column's vector(384) checks d. */
    private static final String INSERT = "insert into interaction_chunk (interaction_id, ordinal, account_id, contact_id, deal_id, "
            + "channel, occurred_at, content, embedding, embedding_model) "
            + "select t.interaction_id, t.ordinal, t.account_id, t.contact_id, t.deal_id, t.channel, t.occurred_at, t.content, "
            + "cast(v.flat[(t.n - 1) * v.d + 1 : t.n * v.d] as vector), ? "
            + "from unnest(cast(? as bigint[]), cast(? as int[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]), "
            + "cast(? as text[]), cast(? as timestamptz[]), cast(? as text[])) with ordinality "
            + "as t(interaction_id, ordinal, account_id, contact_id, deal_id, channel, occurred_at, content, n), "
            + "(select cast(? as real[]) as flat, cast(? as int) as d) v";

    /** The vectors one after the other, for one binary {@code real[]} parameter. */
    static float[] flat(List<float[]> vectors, int dimension) {
        float[] flat = new float[vectors.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, flat, i * dimension, dimension);
        }
        return flat;
    }

    /** After a change of links only (no new text): the chunks keep their embeddings. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateLinks(long interactionId, Links links) {
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update interaction_chunk set account_id = ?, contact_id = ?, "
                    + "deal_id = ?, channel = ?, occurred_at = ? where interaction_id = ?")) {
                setLinks(update, 1, links);
                update.setLong(6, interactionId);
                update.executeUpdate();
            }
        });
    }

    private static void setLinks(PreparedStatement ps, int from, Links links) throws java.sql.SQLException {
        setLong(ps, from, links.accountId());
        setLong(ps, from + 1, links.contactId());
        setLong(ps, from + 2, links.dealId());
        ps.setString(from + 3, links.channel());
        ps.setObject(from + 4, OffsetDateTime.ofInstant(links.occurredAt(), ZoneOffset.UTC));
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
