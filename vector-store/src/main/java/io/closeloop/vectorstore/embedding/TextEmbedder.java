package io.closeloop.vectorstore.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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
            case BGE -> quiet(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q", PoolingMode.CLS);
            case MINILM -> quiet(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q", PoolingMode.MEAN);
            default -> throw new IllegalArgumentException("closeloop.embedding.model: unknown model '" + modelName
                    + "' (choose " + BGE + " or " + MINILM + ")");
        };
    }

    /**
     * The model of LangChain4j's packaged class (same ONNX file, tokenizer and pooling, read from its
     * jar without initialising the class), in an ONNX Runtime session that runs each embedding on the
     * calling thread alone. By default ONNX Runtime adds a worker per core that busy-waits for more
     * work after every parallel section: on the 2-core benchmark machine one burnt ~0.26 of a core while
     * the service answered ~15 LLM requests/s, CPU the request thread, PostgreSQL and the HTTP client
     * were waiting for. Measured on one short query (bench/reports/agents.md): default 6.9 ms wall and
     * 31 ms of process CPU per embedding when embeddings come 20 ms apart; workers without spinning
     * 8.6 ms / 9.6 ms; one thread 7.8 ms / 8.1 ms. Batches still use every core: LangChain4j embeds
     * each text of a batch as its own task.
     */
    private static EmbeddingModel quiet(Class<?> packaged, String name, PoolingMode pooling) {
        try (InputStream model = packaged.getClassLoader().getResourceAsStream(name + ".onnx");
                InputStream tokenizer = packaged.getClassLoader().getResourceAsStream(name + "-tokenizer.json");
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the embedding model " + name + " is not on the class path");
            }
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options), tokenizer,
                    pooling);
            return new AbstractInProcessEmbeddingModel(null) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSIONS;
                }
            };
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + name, e);
        }
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
}
