package io.closeloop.vectorstore.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which in-process embedding model Closeloop uses for routing, retrieval and similarity. */
@ConfigMapping(prefix = "closeloop.embedding")
public interface EmbeddingConfig {

    /**
     * The ONNX model shipped inside LangChain4j's Maven artifacts; both produce 384-d vectors:
     * {@code bge-small-en-v15-q} or {@code all-minilm-l6-v2-q}. See bench/README.md for the
     * measurements behind the default.
     */
    @WithDefault("bge-small-en-v15-q")
    String model();
}
