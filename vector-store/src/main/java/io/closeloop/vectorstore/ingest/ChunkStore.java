package io.closeloop.vectorstore.ingest;

import com.pgvector.PGvector;
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

/**
 * Writes the chunks of an interaction with their embeddings ({@code vector(384)} through the
 * pgvector JDBC type) on the caller's transaction and connection, a whole ingestion batch per statement.
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
        List<String> vectors = new ArrayList<>();
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
                vectors.add(new PGvector(rows.vectors().get(i)).getValue());
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from interaction_chunk where interaction_id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", interactions.toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into interaction_chunk (interaction_id, ordinal, "
                    + "account_id, contact_id, deal_id, channel, occurred_at, content, embedding, embedding_model) "
                    + "select t.*, ? from unnest(cast(? as bigint[]), cast(? as int[]), cast(? as bigint[]), cast(? as bigint[]), "
                    + "cast(? as bigint[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]), "
                    + "cast(cast(? as text[]) as vector[])) as t")) {
                insert.setString(1, model);
                insert.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                insert.setArray(3, connection.createArrayOf("int", ordinals.toArray()));
                insert.setArray(4, connection.createArrayOf("bigint", accounts.toArray()));
                insert.setArray(5, connection.createArrayOf("bigint", contacts.toArray()));
                insert.setArray(6, connection.createArrayOf("bigint", deals.toArray()));
                insert.setArray(7, connection.createArrayOf("text", channels.toArray()));
                insert.setArray(8, connection.createArrayOf("text", times.toArray()));
                insert.setArray(9, connection.createArrayOf("text", contents.toArray()));
                insert.setArray(10, connection.createArrayOf("text", vectors.toArray()));
                insert.executeUpdate();
            }
        });
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
