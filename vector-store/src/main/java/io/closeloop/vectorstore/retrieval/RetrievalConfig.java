package io.closeloop.vectorstore.retrieval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retrieval over interaction chunks (see bench/reports/vector-store.md for the measurements behind the defaults). */
@ConfigMapping(prefix = "closeloop.vectorstore.retrieval")
public interface RetrievalConfig {

    /**
     * HNSW candidate list size per query ({@code hnsw.ef_search}): higher is more exact and slower.
     * 64: recall@10 0.986 at 1M chunks (0.972 at 40, 0.994 at 100) on the benchmark's embedding-shaped
     * data, for about the latency of 40 (bench/reports/vector-store.md, sweep at 1M).
     */
    @WithDefault("64")
    int efSearch();

    /**
     * pgvector 0.8 iterative index scan for filtered queries: {@code relaxed_order} (results are
     * re-sorted afterwards), {@code strict_order} or {@code off}.
     */
    @WithDefault("relaxed_order")
    String iterativeScan();

    /** Upper bound of tuples an iterative scan visits before it gives up ({@code hnsw.max_scan_tuples}). */
    @WithDefault("20000")
    int maxScanTuples();

    /** Largest k a caller may ask for. */
    @WithDefault("50")
    int maxK();

    /** Candidates taken from each list (vector and full text) before reciprocal rank fusion. */
    @WithDefault("50")
    int hybridCandidates();

    /** The k of reciprocal rank fusion, score = sum of 1 / (k + rank); 60 is the value of the original paper. */
    @WithDefault("60")
    int rrfK();

    /** PostgreSQL text search configuration; must match the one of the {@code tsv} column (migration V2_0). */
    @WithDefault("english")
    String textSearchConfig();
}
