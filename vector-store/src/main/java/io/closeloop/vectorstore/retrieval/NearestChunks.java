package io.closeloop.vectorstore.retrieval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The nearest-chunk query and its HNSW settings, in one place for the service
 * ({@link InteractionSearch}) and the search benchmark, so that what is measured is what runs.
 *
 * <p>The HNSW index is built over a half-precision copy of the vectors (migration
 * {@code V2_2__s2_vs_halfvec_index.sql}, parameters since V2_3: {@code hnsw ((embedding::halfvec(384)) halfvec_cosine_ops)}),
 * half the pages of a {@code vector(384)} index; the candidates are ordered by that indexed
 * expression and their full-precision distance is returned for the final sort.
 */
public final class NearestChunks {

    /** The index (after {@code using}), exactly as migration V2_3 creates it on {@code interaction_chunk}; the benchmark builds the same. */
    public static final String INDEX = "hnsw ((embedding::halfvec(384)) halfvec_cosine_ops) with (m = 12, ef_construction = 48)";

    /** The indexed expression; must stay exactly that of the migration for the planner to use the index. */
    public static final String INDEXED = "c.embedding::halfvec(384) <=> cast(? as halfvec(384))";

    private NearestChunks() {
    }

    /** Full-precision order, for candidates narrowed by a selective filter; no index serves it. */
    public static final String EXACT = "c.embedding <=> ?";

    /**
     * Candidates from {@code table} (alias {@code c}) matching {@code where}, best first.
     * Parameters: the query vector, then those of {@code where}, then the query vector again, then the limit.
     *
     * @param selective the filter names one account, contact or deal: a few thousand chunks at most, which
     *        PostgreSQL reads through their B-tree and sorts exactly; ordering them by the full-precision
     *        distance costs a third of ordering by the half-precision expression (a cast per row), and the
     *        result is exact. Otherwise the order is the HNSW index's expression (iterative scan for the
     *        visibility scope, a channel or a time range).
     */
    public static String candidatesSql(String columns, String table, String where, boolean selective) {
        return "select " + columns + ", c.embedding <=> ? as distance from " + table + " c where " + where
                + " order by " + (selective ? EXACT : INDEXED) + " limit ?";
    }

    /**
     * Sets the scan settings for the current transaction only ({@code set_config(..., true)} is
     * {@code SET LOCAL}), in one round trip.
     */
    public static void setLocal(Connection connection, int efSearch, String iterativeScan, int maxScanTuples) throws SQLException {
        if (!List.of("off", "relaxed_order", "strict_order").contains(iterativeScan)) {
            throw new IllegalStateException("closeloop.vectorstore.retrieval.iterative-scan: unknown mode " + iterativeScan);
        }
        try (PreparedStatement ps = connection.prepareStatement("select set_config('hnsw.ef_search', ?, true), "
                + "set_config('hnsw.iterative_scan', ?, true), set_config('hnsw.max_scan_tuples', ?, true)")) {
            ps.setString(1, Integer.toString(efSearch));
            ps.setString(2, iterativeScan);
            ps.setString(3, Integer.toString(maxScanTuples));
            ps.executeQuery().close();
        }
    }
}
