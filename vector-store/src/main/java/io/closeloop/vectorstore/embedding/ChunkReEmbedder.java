package io.closeloop.vectorstore.embedding;

import com.pgvector.PGvector;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Brings stored chunks to the configured embedding model after it changed: walks the chunks of
 * any other model in id order, embeds a batch (outside any transaction), and stores it in its
 * own short transaction, recording the model on each chunk and, once all its chunks are current,
 * on the interaction. Progress lives in the data (each chunk's {@code embedding_model}), so a
 * run that stops half-way (crash, Ctrl-C) is resumed by running again, and a run when everything
 * is current does nothing. Until it finishes, search uses only chunks of the current model.
 */
@ApplicationScoped
public class ChunkReEmbedder {

    /** After each stored batch: chunks re-embedded so far, of how many were outdated at the start, and since when. */
    public record Progress(long done, long total, long startedNanos) {

        public double perSecond() {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            return seconds <= 0 ? 0 : done / seconds;
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    private record Chunk(long id, String content, String model) {
    }

    private final TextEmbedder embedder;
    private final DataSource db;

    public ChunkReEmbedder(TextEmbedder embedder, DataSource db) {
        this.embedder = embedder;
        this.db = db;
    }

    public String model() {
        return embedder.modelName();
    }

    /** Chunks whose vector was made by another model than the configured one. */
    public long outdated() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from interaction_chunk where embedding_model <> ?")) {
            ps.setString(1, model());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Re-embeds every outdated chunk in batches; returns how many chunks were re-embedded (0 when all were current). */
    public long run(int batchSize, Consumer<Progress> progress) throws SQLException {
        long total = outdated();
        long started = System.nanoTime();
        long done = 0;
        long after = 0;
        while (total > 0) {
            List<Chunk> batch = next(after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            List<float[]> vectors = embedder.embedAll(batch.stream().map(Chunk::content).toList());
            done += store(batch, vectors);
            after = batch.get(batch.size() - 1).id();
            progress.accept(new Progress(done, total, started));
        }
        return done;
    }

    private List<Chunk> next(long afterId, int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, content, embedding_model from interaction_chunk where embedding_model <> ? and id > ? order by id limit ?")) {
            ps.setString(1, model());
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<Chunk> chunks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chunks.add(new Chunk(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return chunks;
        }
    }

    /**
     * One transaction. A chunk replaced or edited meanwhile (re-ingested, redacted) no longer matches
     * its id, model and content and is left alone: whoever changed it embedded it.
     */
    private int store(List<Chunk> batch, List<float[]> vectors) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = c.prepareStatement("update interaction_chunk c set embedding = cast(t.vector as vector), "
                        + "embedding_model = ? from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[])) "
                        + "as t(id, vector, model, content) where c.id = t.id and c.embedding_model = t.model and c.content = t.content")) {
                    ps.setString(1, model());
                    ps.setArray(2, c.createArrayOf("bigint", batch.stream().map(Chunk::id).toArray()));
                    ps.setArray(3, c.createArrayOf("text", vectors.stream().map(v -> new PGvector(v).getValue()).toArray()));
                    ps.setArray(4, c.createArrayOf("text", batch.stream().map(Chunk::model).toArray()));
                    ps.setArray(5, c.createArrayOf("text", batch.stream().map(Chunk::content).toArray()));
                    updated = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update interaction i set embedding_model = ?, updated_at = now() "
                        + "where i.id in (select interaction_id from interaction_chunk where id = any(?)) and i.embedding_model <> ? "
                        + "and not exists (select 1 from interaction_chunk o where o.interaction_id = i.id and o.embedding_model <> ?)")) {
                    ps.setString(1, model());
                    ps.setArray(2, c.createArrayOf("bigint", batch.stream().map(Chunk::id).toArray()));
                    ps.setString(3, model());
                    ps.setString(4, model());
                    ps.executeUpdate();
                }
                c.commit();
                return updated;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
