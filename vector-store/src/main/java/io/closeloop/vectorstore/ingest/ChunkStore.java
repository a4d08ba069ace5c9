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
import java.util.List;
import org.hibernate.Session;

/**
 * Writes the chunks of an interaction with their embeddings ({@code vector(384)} through the
 * pgvector JDBC type) on the caller's transaction and connection, in one JDBC batch.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(long interactionId, Links links, List<String> contents, List<float[]> vectors) {
        if (contents.size() != vectors.size()) {
            throw new IllegalArgumentException(contents.size() + " chunks but " + vectors.size() + " vectors");
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from interaction_chunk where interaction_id = ?")) {
                delete.setLong(1, interactionId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into interaction_chunk (interaction_id, ordinal, "
                    + "account_id, contact_id, deal_id, channel, occurred_at, content, embedding) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < contents.size(); i++) {
                    insert.setLong(1, interactionId);
                    insert.setInt(2, i);
                    setLinks(insert, 3, links);
                    insert.setString(8, contents.get(i));
                    insert.setObject(9, new PGvector(vectors.get(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
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
