package io.closeloop.vectorstore.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The one embedding model of the service, shared by every part that embeds text (routing,
 * classifiers, ingestion, retrieval). Runs in-process on the CPU; no network, no downloads.
 */
@ApplicationScoped
public class TextEmbedder {

    public static final int DIMENSIONS = 384;
    static final String BGE = "bge-small-en-v15-q";
    static final String MINILM = "all-minilm-l6-v2-q";
    /** The instruction bge-small-en-v1.5's authors give for short queries that look for passages. */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final String modelName;
    private final EmbeddingModel model;
    private final int batchSize;
    private final String queryInstruction;

    @Inject
    public TextEmbedder(EmbeddingConfig config) {
        this(config.model(), config.batchSize(), config.queryInstruction().orElse(null));
    }

    /** For programs outside the container (benchmarks); {@code queryInstruction} null means the model's default. */
    public TextEmbedder(String modelName, int batchSize, String queryInstruction) {
        this.modelName = modelName;
        this.model = create(modelName);
        this.batchSize = Math.max(1, batchSize);
        this.queryInstruction = queryInstruction != null ? queryInstruction : BGE.equals(modelName) ? BGE_QUERY_INSTRUCTION : "";
    }

    private static EmbeddingModel create(String modelName) {
        return switch (modelName) {
            case BGE -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case MINILM -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            default -> throw new IllegalArgumentException("closeloop.embedding.model: unknown model '" + modelName
                    + "' (choose " + BGE + " or " + MINILM + ")");
        };
    }

    public String modelName() {
        return modelName;
    }

    /** The LangChain4j model, for libraries that take one. */
    public EmbeddingModel model() {
        return model;
    }

    /** Embeds a stored text (a passage, a chunk, an utterance to classify). */
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** Embeds a search query, with the model's query instruction when it has one. */
    public float[] embedQuery(String query) {
        return model.embed(queryInstruction + query).content().vector();
    }

    /** Embeds in batches of the configured size (the model spreads each batch over the cores); order is kept. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<TextSegment> segments = texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
                    .map(TextSegment::from).toList();
            model.embedAll(segments).content().stream().map(Embedding::vector).forEach(vectors::add);
        }
        return vectors;
    }

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
