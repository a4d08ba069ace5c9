package io.closeloop.vectorstore.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one embedding model of the service, shared by every part that embeds text (routing,
 * classifiers, ingestion, retrieval). Runs in-process on the CPU; no network, no downloads.
 */
@ApplicationScoped
public class TextEmbedder {

    public static final int DIMENSIONS = 384;

    private final String modelName;
    private final EmbeddingModel model;

    public TextEmbedder(EmbeddingConfig config) {
        this.modelName = config.model();
        this.model = switch (modelName) {
            case "bge-small-en-v15-q" -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case "all-minilm-l6-v2-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            default -> throw new IllegalArgumentException("closeloop.embedding.model: unknown model '" + modelName
                    + "' (choose bge-small-en-v15-q or all-minilm-l6-v2-q)");
        };
    }

    public String modelName() {
        return modelName;
    }

    /** The LangChain4j model, for libraries that take one. */
    public EmbeddingModel model() {
        return model;
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    /** Embeds in one batch (the model parallelises internally); order is kept. */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
