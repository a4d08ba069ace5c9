package io.closeloop.agents.classifier;

import io.closeloop.vectorstore.embedding.TextEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Embeds texts with the shared {@link TextEmbedder}, remembering every embedding in the database
 * (keyed by embedding model and SHA-256 of the text), so retraining and evaluating on the same
 * data set costs a lookup instead of a model run. Serving single texts bypasses the cache.
 */
@ApplicationScoped
public class EmbeddingCache {

    private final TextEmbedder embedder;
    private final DataSource dataSource;
    private final ClassifierConfig config;

    public EmbeddingCache(TextEmbedder embedder, DataSource dataSource, ClassifierConfig config) {
        this.embedder = embedder;
        this.dataSource = dataSource;
        this.config = config;
    }

    public String modelName() {
        return embedder.modelName();
    }

    /** Embeds one text directly (serving path: no database round trip). */
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    /** One embedding per text, in order; repeated texts are embedded once. */
    public List<float[]> embedAll(List<String> texts) {
        Map<String, float[]> byText = new HashMap<>();
        int batch = config.embedBatchSize();
        List<String> distinct = texts.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += batch) {
            byText.putAll(embedBatch(distinct.subList(from, Math.min(distinct.size(), from + batch))));
        }
        return texts.stream().map(byText::get).toList();
    }

    private Map<String, float[]> embedBatch(List<String> texts) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        texts.forEach(t -> keys.put(t, sha256(t)));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, float[]> found = lookup(connection, keys);
            List<String> missing = texts.stream().filter(t -> !found.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                List<float[]> vectors = embedder.embedAll(missing);
                store(connection, missing, vectors, keys);
                for (int i = 0; i < missing.size(); i++) {
                    found.put(missing.get(i), vectors.get(i));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("embedding cache unavailable: " + e.getMessage(), e);
        }
    }

    private Map<String, float[]> lookup(Connection connection, Map<String, byte[]> keys) throws SQLException {
        Map<String, String> textByHex = new HashMap<>();
        keys.forEach((text, key) -> textByHex.put(HexFormat.of().formatHex(key), text));
        Map<String, float[]> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select text_sha256, embedding from classifier_embedding where embedding_model = ? and text_sha256 = any (?)")) {
            select.setString(1, modelName());
            select.setArray(2, connection.createArrayOf("bytea", keys.values().toArray(new byte[0][])));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String text = textByHex.get(HexFormat.of().formatHex(rows.getBytes(1)));
                    Array array = rows.getArray(2);
                    Float[] boxed = (Float[]) array.getArray();
                    float[] vector = new float[boxed.length];
                    for (int i = 0; i < boxed.length; i++) {
                        vector[i] = boxed[i];
                    }
                    found.put(text, vector);
                }
            }
        }
        return found;
    }

    private void store(Connection connection, List<String> texts, List<float[]> vectors, Map<String, byte[]> keys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into classifier_embedding (embedding_model, text_sha256, embedding) values (?, ?, ?) on conflict do nothing")) {
            for (int i = 0; i < texts.size(); i++) {
                float[] vector = vectors.get(i);
                Float[] boxed = new Float[vector.length];
                for (int d = 0; d < vector.length; d++) {
                    boxed[d] = vector[d];
                }
                insert.setString(1, modelName());
                insert.setBytes(2, keys.get(texts.get(i)));
                insert.setArray(3, connection.createArrayOf("real", boxed));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hex SHA-256 of a whole data set, recorded with each model version. */
    static String sha256Hex(List<LabelledExample> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledExample example : examples) {
                digest.update(example.label().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
