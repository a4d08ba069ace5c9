package io.closeloop.vectorstore.embedding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Which in-process embedding model Closeloop uses for routing, retrieval and similarity. */
@ConfigMapping(prefix = "closeloop.embedding")
public interface EmbeddingConfig {

    /**
     * The ONNX model shipped inside LangChain4j's Maven artifacts; both produce 384-d vectors:
     * {@code bge-small-en-v15-q} or {@code all-minilm-l6-v2-q}. The default is bge-small: the one
     * model serves routing and retrieval, and for routing it is clearly better (CRM intents 89.5%
     * vs 85.7% held-out accuracy with the same trainer, request detector 83.4% vs 76.4%;
     * agents/README.md), while retrieval quality is a tie (bench/reports/vector-store.md). MiniLM
     * embeds 1.8-1.9x faster; choose it where ingestion volume matters more than routing accuracy,
     * and retrain the classifiers with it (a model trained on another embedding is refused).
     */
    @WithDefault("bge-small-en-v15-q")
    String model();

    /** Texts handed to the model at once by {@link TextEmbedder#embedAll}; the model spreads a batch over the cores. */
    @WithDefault("32")
    int batchSize();

    /**
     * ONNX Runtime threads inside one embedding call. {@link TextEmbedder#embedAll} already runs
     * one text per core (LangChain4j's executor), so the default 1 gives each text one core and no
     * runtime thread pool. ONNX Runtime's default (a pool of one thread per core, spin-waiting
     * between operators) oversubscribed the cores: on this 2-core machine it cost 13-15 ms of CPU
     * per interaction against about 7 ms with 1 thread, and the spinning threads took the CPU the
     * ingestion's store step and PostgreSQL needed (bench/reports/vector-store.md). Spin-waiting is
     * always switched off.
     */
    @WithDefault("1")
    int intraOpThreads();

    /**
     * Instruction put before a search query (not before stored passages). bge-small-en-v1.5 was
     * trained with one for short-query-to-passage retrieval; MiniLM has none. When unset, the
     * model's own recommendation is used; set it to an empty string to switch it off.
     */
    Optional<String> queryInstruction();
}
