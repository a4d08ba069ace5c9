package io.closeloop.vectorstore.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Which in-process embedding model Closeloop uses for routing, retrieval and similarity. */
@ConfigMapping(prefix = "closeloop.embedding")
public interface EmbeddingConfig {

    /**
     * The ONNX model shipped inside LangChain4j's Maven artifacts; both produce 384-d vectors:
     * {@code bge-small-en-v15-q} or {@code all-minilm-l6-v2-q}. See bench/reports/vector-store.md
     * for the measurements behind the default.
     */
    @WithDefault("bge-small-en-v15-q")
    String model();

    /** Texts handed to the model at once by {@link TextEmbedder#embedAll}; the model spreads a batch over the cores. */
    @WithDefault("32")
    int batchSize();

    /**
     * Instruction put before a search query (not before stored passages). bge-small-en-v1.5 was
     * trained with one for short-query-to-passage retrieval; MiniLM has none. When unset, the
     * model's own recommendation is used; set it to an empty string to switch it off.
     */
    Optional<String> queryInstruction();
}
