package io.closeloop.vectorstore.retrieval;

import com.pgvector.PGvector;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.Direction;
import io.closeloop.vectorstore.interaction.Interaction;
import io.closeloop.vectorstore.interaction.InteractionView;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Retrieval over interactions for people (REST) and for other layers (agents call it with the
 * rep they act for). Every query is scoped by {@link AccountScope}: a rep never gets an
 * interaction of an account they cannot see; unmatched interactions (no account yet) are
 * visible to admins only. Filtered vector search uses pgvector 0.8 iterative index scans, so
 * a selective filter still returns k results from the HNSW index. Vector search only compares
 * chunks embedded by the configured model (see {@code ChunkReEmbedder}); the SQL and the
 * per-transaction HNSW settings are {@link NearestChunks}, shared with the search benchmark.
 */
@ApplicationScoped
public class InteractionSearch {

    private static final int SNIPPET = 300;
    /** Chunks fetched per wanted interaction, since one interaction may own several of the nearest chunks. */
    private static final int CHUNKS_PER_HIT = 4;

    private final TextEmbedder embedder;
    private final AccountScope scope;
    private final RetrievalConfig config;
    private final EntityManager em;

    public InteractionSearch(TextEmbedder embedder, AccountScope scope, RetrievalConfig config, EntityManager em) {
        this.embedder = embedder;
        this.scope = scope;
        this.config = config;
        this.em = em;
    }

    /** The k interactions closest in meaning to the query, best first, score = cosine similarity. */
    @Transactional
    @WithSpan("closeloop.vectorstore.retrieve")
    public List<SearchHit> semantic(Rep viewer, String query, SearchFilter filter, int k) {
        checkK(k);
        float[] vector = embedder.embedQuery(requireQuery(query));
        return nearest(viewer, vector, filter, k, null);
    }

    /**
     * Vector and full-text search fused by reciprocal rank fusion: finds exact words (names,
     * product codes, "SOC 2") that embeddings blur, and paraphrases that words miss.
     */
    @Transactional
    @WithSpan("closeloop.vectorstore.retrieve-hybrid")
    public List<SearchHit> hybrid(Rep viewer, String query, SearchFilter filter, int k) {
        checkK(k);
        String text = requireQuery(query);
        int candidates = Math.max(k, config.hybridCandidates());
        List<SearchHit> byVector = nearest(viewer, embedder.embedQuery(text), filter, candidates, null);
        List<SearchHit> byText = fullText(viewer, text, filter, candidates);
        Map<Long, Integer> vectorRank = ranks(byVector);
        Map<Long, Integer> textRank = ranks(byText);
        Map<Long, SearchHit> hits = new LinkedHashMap<>();
        byVector.forEach(h -> hits.putIfAbsent(h.interactionId(), h));
        byText.forEach(h -> hits.putIfAbsent(h.interactionId(), h));
        return hits.values().stream()
                .map(h -> {
                    Integer v = vectorRank.get(h.interactionId());
                    Integer t = textRank.get(h.interactionId());
                    double score = (v == null ? 0 : 1.0 / (config.rrfK() + v)) + (t == null ? 0 : 1.0 / (config.rrfK() + t));
                    return h.ranked(score, v, t);
                })
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::interactionId))
                .limit(k)
                .toList();
    }

    /** Interactions most like the given one (the mean of its chunk embeddings of the current model), itself excluded. */
    @Transactional
    @WithSpan("closeloop.vectorstore.similar")
    public List<SearchHit> similar(Rep viewer, long interactionId, SearchFilter filter, int k) {
        checkK(k);
        require(viewer, interactionId);
        float[] mean = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select cast(avg(embedding) as text) from interaction_chunk where interaction_id = ? and embedding_model = ?")) {
                ps.setLong(1, interactionId);
                ps.setString(2, embedder.modelName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) == null ? null : new PGvector(rs.getString(1)).toArray();
                }
            }
        });
        return mean == null ? List.of() : nearest(viewer, mean, filter, k, interactionId);
    }

    /** An account's interactions, newest first. */
    @Transactional
    public Page<InteractionView> timeline(Rep viewer, long accountId, SearchFilter filter, int page, int size) {
        scope.require(viewer, accountId);
        StringBuilder where = new StringBuilder("accountId = :account");
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId));
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            params.put("to", filter.to());
        }
        List<InteractionView> items = Interaction.<Interaction>find(where + " order by occurredAt desc, id desc", params)
                .page(page, size).list().stream().map(InteractionView::of).toList();
        return new Page<>(items, page, size, Interaction.count(where.toString(), params));
    }

    /** One interaction, or 404 when it does not exist or the viewer may not see it. */
    @Transactional
    public InteractionView get(Rep viewer, long interactionId) {
        return InteractionView.of(require(viewer, interactionId));
    }

    private Interaction require(Rep viewer, long interactionId) {
        Interaction interaction = Interaction.findById(interactionId);
        boolean visible = interaction != null && (viewer.roleEnum() == RepRole.ADMIN
                || interaction.accountId != null && scope.canSee(viewer, Account.findById(interaction.accountId)));
        if (!visible) {
            throw ProblemException.notFound("Interaction", interactionId);
        }
        return interaction;
    }

    private List<SearchHit> nearest(Rep viewer, float[] vector, SearchFilter filter, int k, Long exclude) {
        List<Object> params = new ArrayList<>();
        // Only vectors of the model that embeds the query: during a re-embedding (vectors re-embed) the others are skipped.
        String where = where(viewer, filter, params) + " and c.embedding_model = ?";
        params.add(embedder.modelName());
        if (exclude != null) {
            where += " and c.interaction_id <> ?";
            params.add(exclude);
        }
        String sql = "with hits as materialized (" + NearestChunks.candidatesSql("c.interaction_id, c.ordinal, c.content", "interaction_chunk", where,
                filter.accountId() != null || filter.contactId() != null || filter.dealId() != null)
                + ") select h.*, i.external_id, i.subject, i.channel, i.direction, i.occurred_at, i.account_id, i.contact_id, i.deal_id"
                + " from hits h join interaction i on i.id = h.interaction_id order by h.distance, h.interaction_id";
        PGvector query = new PGvector(vector);
        List<Object> all = new ArrayList<>();
        all.add(query);
        all.addAll(params);
        all.add(query);
        all.add(k * CHUNKS_PER_HIT);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            NearestChunks.setLocal(connection, config.efSearch(), config.iterativeScan(), config.maxScanTuples());
            return bestPerInteraction(query(connection, sql, all, rs -> 1 - rs.getDouble("distance")), k);
        });
    }

    private List<SearchHit> fullText(Rep viewer, String text, SearchFilter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(viewer, filter, params);
        String sql = "with hits as (select c.interaction_id, c.ordinal, c.content, ts_rank_cd(c.tsv, q) as rank"
                + " from interaction_chunk c, websearch_to_tsquery(cast(? as regconfig), ?) q where c.tsv @@ q and " + where
                + " order by rank desc, c.interaction_id limit ?)"
                + " select h.*, i.external_id, i.subject, i.channel, i.direction, i.occurred_at, i.account_id, i.contact_id, i.deal_id"
                + " from hits h join interaction i on i.id = h.interaction_id order by h.rank desc, h.interaction_id";
        List<Object> all = new ArrayList<>();
        all.add(config.textSearchConfig());
        all.add(text);
        all.addAll(params);
        all.add(limit * CHUNKS_PER_HIT);
        return em.unwrap(Session.class).doReturningWork(
                connection -> bestPerInteraction(query(connection, sql, all, rs -> rs.getDouble("rank")), limit));
    }

    /** The scope (what the viewer may see) and the filter as SQL over chunk alias {@code c}. */
    private String where(Rep viewer, SearchFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(viewer.roleEnum() == RepRole.ADMIN ? "true"
                : "c.account_id in (" + scope.visibleAccountIdsSql(viewer) + ")");
        if (filter.accountId() != null) {
            scope.require(viewer, filter.accountId());
            where.append(" and c.account_id = ?");
            params.add(filter.accountId());
        }
        if (filter.contactId() != null) {
            where.append(" and c.contact_id = ?");
            params.add(filter.contactId());
        }
        if (filter.dealId() != null) {
            where.append(" and c.deal_id = ?");
            params.add(filter.dealId());
        }
        if (filter.channel() != null) {
            where.append(" and c.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.from() != null) {
            where.append(" and c.occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and c.occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        return where.toString();
    }

    private interface Score {
        double of(ResultSet rs) throws SQLException;
    }

    private static List<SearchHit> query(Connection connection, String sql, List<Object> params, Score score) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String content = rs.getString("content");
                    hits.add(new SearchHit(rs.getLong("interaction_id"), rs.getString("external_id"), score.of(rs), rs.getInt("ordinal"),
                            content.length() > SNIPPET ? content.substring(0, SNIPPET) + "…" : content, rs.getString("subject"),
                            Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), nullableLong(rs, "account_id"),
                            nullableLong(rs, "contact_id"), nullableLong(rs, "deal_id"), null, null));
                }
            }
            return hits;
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Hits arrive best first, one per chunk; keep each interaction's best chunk. */
    private static List<SearchHit> bestPerInteraction(List<SearchHit> chunks, int k) {
        Map<Long, SearchHit> best = new LinkedHashMap<>();
        for (SearchHit hit : chunks) {
            best.putIfAbsent(hit.interactionId(), hit);
        }
        return best.values().stream().limit(k).toList();
    }

    private static Map<Long, Integer> ranks(List<SearchHit> hits) {
        Map<Long, Integer> ranks = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            ranks.putIfAbsent(hits.get(i).interactionId(), i + 1);
        }
        return ranks;
    }

    private void checkK(int k) {
        if (k < 1 || k > config.maxK()) {
            throw ProblemException.invalidField("k", "must be between 1 and " + config.maxK());
        }
    }

    private static String requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw ProblemException.invalidField("q", "must not be empty");
        }
        if (query.length() > 2000) {
            throw ProblemException.invalidField("q", "is longer than 2000 characters");
        }
        return query.strip();
    }
}
