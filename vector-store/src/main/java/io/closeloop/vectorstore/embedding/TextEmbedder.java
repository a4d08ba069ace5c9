package io.closeloop.vectorstore.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one embedding model of the service, shared by every part that embeds text (routing,
 * classifiers, ingestion, retrieval). Runs in-process on the CPU; no network, no downloads.
 * The ONNX models are the ones LangChain4j ships; the ONNX Runtime session is opened here so
 * its threading can be set ({@link EmbeddingConfig#intraOpThreads()}; spin-waiting off).
 */
@ApplicationScoped
public class TextEmbedder {

    public static final int DIMENSIONS = 384;
    public static final int DEFAULT_INTRA_OP_THREADS = 1;
    static final String BGE = "bge-small-en-v15-q";
    static final String MINILM = "all-minilm-l6-v2-q";
    /** The instruction bge-small-en-v1.5's authors give for short queries that look for passages. */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    /** One session per model and thread setting in the process (a session holds the model's weights). */
    private static final Map<String, OnnxBertBiEncoder> ENCODERS = new ConcurrentHashMap<>();

    private final String modelName;
    private final EmbeddingModel model;
    private final int batchSize;
    private final String queryInstruction;
    private final int intraOpThreads;

    @Inject
    public TextEmbedder(EmbeddingConfig config) {
        this(config.model(), config.batchSize(), config.queryInstruction().orElse(null), config.intraOpThreads());
    }

    /** For programs outside the container (benchmarks); {@code queryInstruction} null means the model's default. */
    public TextEmbedder(String modelName, int batchSize, String queryInstruction) {
        this(modelName, batchSize, queryInstruction, DEFAULT_INTRA_OP_THREADS);
    }

    public TextEmbedder(String modelName, int batchSize, String queryInstruction, int intraOpThreads) {
        this.modelName = modelName;
        this.intraOpThreads = Math.max(1, intraOpThreads);
        this.model = new SessionModel(encoder(modelName, this.intraOpThreads));
        this.batchSize = Math.max(1, batchSize);
        this.queryInstruction = queryInstruction != null ? queryInstruction : BGE.equals(modelName) ? BGE_QUERY_INSTRUCTION : "";
    }

    /** The files and pooling of LangChain4j's packaged models (the same as its own model classes use). */
    private record Packaged(Class<?> owner, String onnx, String tokenizer, PoolingMode pooling) {
    }

    private static OnnxBertBiEncoder encoder(String modelName, int intraOpThreads) {
        Packaged packaged = switch (modelName) {
            case BGE -> new Packaged(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS);
            case MINILM -> new Packaged(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q.onnx",
                    "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN);
            default -> throw new IllegalArgumentException("closeloop.embedding.model: unknown model '" + modelName
                    + "' (choose " + BGE + " or " + MINILM + ")");
        };
        return ENCODERS.computeIfAbsent(modelName + "/" + intraOpThreads, key -> open(packaged, intraOpThreads));
    }

    private static OnnxBertBiEncoder open(Packaged packaged, int intraOpThreads) {
        ClassLoader loader = packaged.owner().getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(packaged.onnx());
                InputStream tokenizer = loader.getResourceAsStream(packaged.tokenizer());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("model files " + packaged.onnx() + " / " + packaged.tokenizer() + " not on the classpath");
            }
            options.setIntraOpNumThreads(intraOpThreads);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, packaged.pooling());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the ONNX model " + packaged.onnx(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LangChain4j's in-process model over our session: a batch runs one text per core on its executor. */
    private static final class SessionModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SessionModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    public String modelName() {
        return modelName;
    }

    /** ONNX Runtime threads per embedding call. */
    public int intraOpThreads() {
        return intraOpThreads;
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
