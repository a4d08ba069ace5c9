package io.closeloop.vectorstore.bench;

import com.pgvector.PGvector;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.closeloop.vectorstore.retrieval.NearestChunks;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Search latency and recall@10 against exact search at 100k and 1M chunks, unfiltered and filtered
 * by one account, with the service's own query, index definition and per-transaction settings
 * ({@link NearestChunks}), swept over {@code hnsw.ef_search}. A plain program over JDBC, run by
 * bench/vector-store.sh against its own database.
 *
 * <p>Synthetic vectors shaped like real ones: {@value #BASES} real embeddings (the configured model)
 * of generated sales interactions are the centres; each vector is a centre plus a random mix of
 * three other real embeddings' deviations from their mean (so the spread follows the covariance
 * of real embeddings, not an isotropic sphere, which is the known worst case of HNSW and unlike
 * sentence embeddings) plus a little isotropic noise, normalised. Queries are drawn the same way.
 * The table, its index and the exact neighbours of the queries are built once and reused while
 * the generator is unchanged (the table's comment records it).
 *
 * <p>Args: {@code jdbcUrl user password reportFile size[,size...] [model]}.
 */
public final class SearchBenchmark {

    static final int DIM = TextEmbedder.DIMENSIONS;
    static final int ACCOUNTS = 500;
    static final int BASES = 1000;
    static final int QUERIES = 200;
    static final int K = 10;
    /** As InteractionSearch: up to 4 chunks per wanted interaction are fetched, then re-sorted. */
    static final int CANDIDATES = 4 * K;
    static final int ROUNDS = 3;
    static final int[] EF_SEARCH = { 40, 64, 100, 150, 200, 300 };
    /** RetrievalConfig's default ef_search. */
    static final int SERVICE_EF = 64;
    /** The service's defaults (RetrievalConfig). */
    static final String ITERATIVE_SCAN = "relaxed_order";
    static final int MAX_SCAN_TUPLES = 20000;
    static final double MIX_SIGMA = 0.35;
    static final double NOISE = 0.05;
    static final String GENERATOR = "closeloop search bench v2: %d rows, %d real %s embeddings as centres, mix sigma %.2f, noise %.2f, "
            + "%d accounts, seed 20261122";

    private final Connection db;
    private final String model;
    private final StringBuilder report = new StringBuilder();
    private float[][] bases;

    SearchBenchmark(Connection db, String model) {
        this.db = db;
        this.model = model;
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            SearchBenchmark bench = new SearchBenchmark(db, args.length > 5 ? args[5] : "bge-small-en-v15-q");
            bench.header();
            for (String size : args[4].split(",")) {
                bench.run(Integer.parseInt(size.trim()));
                Files.writeString(Path.of(args[3]), bench.report.toString());
            }
        }
    }

    private void header() throws SQLException {
        line("");
        line("Run started %s.", Instant.now());
        line("Synthetic vectors (384-d, unit length) shaped like real embeddings: %d real `%s` embeddings of generated sales", BASES, model);
        line("interactions (the demo generator, subject + body) are the centres; each row is `normalise(centre + Σ_{j=1..3} w_j·(e_j − mean)");
        line("+ n)` with e_j three other real embeddings, w_j ~ N(0, %.2f²) and n isotropic Gaussian noise of norm ≈ %.2f. Rows are spread", MIX_SIGMA, NOISE);
        line("uniformly over %d accounts. %d held-out queries are drawn the same way, each with a random account for the filtered case.", ACCOUNTS, QUERIES);
        line("Exact neighbours: brute force in the JVM (full precision), computed once with the table and stored next to it.");
        line("");
        line("Table shaped like `interaction_chunk`, **same index as the service** (`%s`, migrations V2_2 and V2_3) and", NearestChunks.INDEX);
        line("**same query** (`NearestChunks`: candidates ordered by `%s` — by `%s` when filtered by one account —, limit %d, re-sorted by", NearestChunks.INDEXED, NearestChunks.EXACT, CANDIDATES);
        line("full-precision distance, top %d kept,", K);
        line("only rows of the current model) with the **same settings set per transaction** (`set_config(..., true)` = `SET LOCAL`:");
        line("`hnsw.ef_search` as in the table, `hnsw.iterative_scan = %s`, `hnsw.max_scan_tuples = %d`). Each query is its own", ITERATIVE_SCAN, MAX_SCAN_TUPLES);
        line("transaction over one JDBC connection; the time covers settings, query and commit. The index and table are loaded into shared");
        line("buffers with `pg_prewarm` first (shared_buffers %s), then one warm-up round; %d rounds of %d queries; p50/p95/p99 over all,",
                setting("shared_buffers"), ROUNDS, QUERIES);
        line("p95 spread over the rounds, and the 1-minute load average at the end of each row.");
    }

    void run(int n) throws SQLException, IOException {
        String table = "vs_chunk_" + n;
        section("%,d chunks", n);
        Query[] queries = ensureTable(table, n);
        prewarm(table);
        line("");
        line("| query | ef_search | p50 ms | p95 ms | p99 ms | p95 of each round (min–max) ms | recall@10 | load |");
        line("|---|---|---|---|---|---|---|---|");
        for (int ef : EF_SEARCH) {
            measure("unfiltered", table, ef, queries, false, false, ROUNDS);
        }
        // ef_search does not matter here: the account's chunks come through the B-tree and are sorted exactly.
        measure("account = one of " + ACCOUNTS + " (B-tree, exact order; as the service)", table, SERVICE_EF, queries, true, false, ROUNDS);
        // The forced HNSW path visits up to hnsw.max_scan_tuples per query: slow, so 50 queries and one round.
        measure("account = one of " + ACCOUNTS + " (HNSW + iterative scan forced, 50 queries)", table, SERVICE_EF, Arrays.copyOf(queries, 50),
                true, true, 1);
        line("");
        line("Plans at ef_search %d (unfiltered, then filtered by one account):", SERVICE_EF);
        line("```");
        explain(table, queries[0], false);
        line("");
        explain(table, queries[0], true);
        line("```");
    }

    /** A query vector, its account and its exact top 10 (unfiltered and within the account). */
    private record Query(float[] vector, int account, long[] exact, long[] exactFiltered) {
    }

    private Query[] ensureTable(String table, int n) throws SQLException, IOException {
        String generator = String.format(Locale.ROOT, GENERATOR, n, BASES, model, MIX_SIGMA, NOISE, ACCOUNTS);
        try (Statement st = db.createStatement()) {
            String comment = null;
            try (ResultSet rs = st.executeQuery("select obj_description(to_regclass('" + table + "'), 'pg_class'), "
                    + "to_regclass('" + table + "_hnsw') is not null, to_regclass('" + table + "_queries') is not null")) {
                rs.next();
                if (rs.getBoolean(2) && rs.getBoolean(3)) {
                    comment = rs.getString(1);
                }
            }
            if (generator.equals(comment)) {
                String index = null;
                try (ResultSet rs = st.executeQuery("select obj_description(to_regclass('" + table + "_hnsw'), 'pg_class')")) {
                    rs.next();
                    index = rs.getString(1);
                }
                if (NearestChunks.INDEX.equals(index)) {
                    line("Table, index and exact neighbours reused from an earlier run (%s).", generator);
                } else { // the service's index changed: the rows and exact neighbours still hold, the graph does not
                    line("Table and exact neighbours reused from an earlier run (%s); HNSW index rebuilt (it was `%s`).", generator, index);
                    st.execute("drop index " + table + "_hnsw");
                    buildIndex(st, table);
                }
                reportSizes(st, table);
                return readQueries(table);
            }
        }
        return build(table, n, generator);
    }

    private Query[] build(String table, int n, String generator) throws SQLException, IOException {
        Random random = new Random(20261122L + n);
        float[][] centres = bases();
        float[] mean = new float[DIM];
        for (float[] b : centres) {
            for (int d = 0; d < DIM; d++) {
                mean[d] += b[d] / centres.length;
            }
        }
        float[][] data = new float[n][];
        int[] account = new int[n];
        for (int i = 0; i < n; i++) {
            data[i] = sample(random, centres, mean);
            account[i] = 1 + random.nextInt(ACCOUNTS);
        }
        float[][] vectors = new float[QUERIES][];
        int[] accounts = new int[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            vectors[q] = sample(random, centres, mean);
            accounts[q] = 1 + random.nextInt(ACCOUNTS);
        }
        try (Statement st = db.createStatement()) {
            st.execute("drop table if exists " + table + "_queries");
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (id bigint primary key, account_id int not null, embedding_model text not null, "
                    + "embedding vector(" + DIM + ") not null)");
            long t0 = System.nanoTime();
            copy(table, data, account);
            st.execute("analyze " + table);
            line("Load (binary COPY of %,d rows): %.1f s.", n, (System.nanoTime() - t0) / 1e9);
            buildIndex(st, table);
            st.execute("create index " + table + "_account on " + table + " (account_id)");
            st.execute("analyze " + table);
        }
        long t0 = System.nanoTime();
        Query[] queries = new Query[QUERIES];
        IntStream.range(0, QUERIES).parallel().forEach(q -> queries[q] = new Query(vectors[q], accounts[q],
                exactTopK(data, account, vectors[q], -1), exactTopK(data, account, vectors[q], accounts[q])));
        line("Exact neighbours (brute force in the JVM): %.1f s.", (System.nanoTime() - t0) / 1e9);
        storeQueries(table, queries);
        try (Statement st = db.createStatement()) {
            st.execute("comment on table " + table + " is '" + generator + "'");
            reportSizes(st, table);
        }
        return queries;
    }

    /** The service's HNSW index on the table, its definition kept as the index's comment (a changed definition is rebuilt). */
    private void buildIndex(Statement st, String table) throws SQLException {
        st.execute("set maintenance_work_mem = '2GB'");
        st.execute("set max_parallel_maintenance_workers = 1");
        long t0 = System.nanoTime();
        st.execute("create index " + table + "_hnsw on " + table + " using " + NearestChunks.INDEX);
        st.execute("comment on index " + table + "_hnsw is '" + NearestChunks.INDEX + "'");
        line("HNSW build (maintenance_work_mem 2GB, 1 parallel worker + leader): %.1f s (load average after: %s).",
                (System.nanoTime() - t0) / 1e9, load());
    }

    /** The real embeddings the synthetic vectors are drawn around (embedded once per run that builds a table). */
    private float[][] bases() {
        if (bases == null) {
            long t0 = System.nanoTime();
            List<String> texts = new DemoInteractionGenerator(7, VectorStoreBenchCommand.book(), Instant.parse("2026-11-01T00:00:00Z"))
                    .generate(BASES, 0.05).stream().map(SearchBenchmark::text).toList();
            bases = new TextEmbedder(model, 32, null).embedAll(texts).toArray(float[][]::new);
            line("Embedded %d demo interactions with %s as centres: %.1f s.", BASES, model, (System.nanoTime() - t0) / 1e9);
        }
        return bases;
    }

    private static String text(InteractionInput i) {
        String text = (i.subject() == null ? "" : i.subject() + "\n\n") + i.body();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** Binary COPY: the pgvector binary format is int16 dimensions, int16 unused, then float4s, big-endian. */
    private void copy(String table, float[][] data, int[] account) throws SQLException, IOException {
        CopyIn in = new CopyManager(db.unwrap(BaseConnection.class))
                .copyIn("copy " + table + " (id, account_id, embedding_model, embedding) from stdin (format binary)");
        byte[] modelBytes = model.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 23);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] { (byte) 0xff, '\r', '\n', 0 });
        out.writeInt(0);
        out.writeInt(0);
        for (int i = 0; i < data.length; i++) {
            out.writeShort(4);
            out.writeInt(8);
            out.writeLong(i);
            out.writeInt(4);
            out.writeInt(account[i]);
            out.writeInt(modelBytes.length);
            out.write(modelBytes);
            out.writeInt(4 + 4 * DIM);
            out.writeShort(DIM);
            out.writeShort(0);
            for (float f : data[i]) {
                out.writeFloat(f);
            }
            if (buffer.size() > (1 << 23)) {
                in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                buffer.reset();
            }
        }
        out.writeShort(-1);
        in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        in.endCopy();
    }

    private void storeQueries(String table, Query[] queries) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("create table " + table + "_queries (q int primary key, account_id int not null, embedding vector(" + DIM
                    + ") not null, exact bigint[] not null, exact_filtered bigint[] not null)");
        }
        try (PreparedStatement ps = db.prepareStatement("insert into " + table + "_queries values (?, ?, ?, ?, ?)")) {
            for (int q = 0; q < queries.length; q++) {
                ps.setInt(1, q);
                ps.setInt(2, queries[q].account());
                ps.setObject(3, new PGvector(queries[q].vector()));
                ps.setArray(4, db.createArrayOf("bigint", Arrays.stream(queries[q].exact()).boxed().toArray()));
                ps.setArray(5, db.createArrayOf("bigint", Arrays.stream(queries[q].exactFiltered()).boxed().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Query[] readQueries(String table) throws SQLException {
        List<Query> queries = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select account_id, embedding, exact, exact_filtered from " + table + "_queries order by q")) {
            while (rs.next()) {
                queries.add(new Query(new PGvector(rs.getString(2)).toArray(), rs.getInt(1), longs(rs.getArray(3)), longs(rs.getArray(4))));
            }
        }
        return queries.toArray(Query[]::new);
    }

    private static long[] longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).mapToLong(Long::longValue).toArray();
    }

    private void prewarm(String table) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select pg_prewarm('" + table + "_hnsw'), pg_prewarm('" + table + "'), pg_prewarm('"
                        + table + "_account')")) {
            rs.next();
            line("Prewarm (`pg_prewarm` of index, table and account B-tree into shared buffers): %.1f s.", (System.nanoTime() - t0) / 1e9);
        } catch (SQLException e) {
            line("pg_prewarm is not installed in this database (deploy/local/infra.sh up installs it): only the warm-up round warms the cache.");
        }
    }

    private void reportSizes(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select pg_size_pretty(pg_relation_size('" + table + "_hnsw')), pg_size_pretty(pg_table_size('"
                + table + "'))")) {
            rs.next();
            line("HNSW index %s, table %s.", rs.getString(1), rs.getString(2));
        }
    }

    /** The service's WHERE for the admin (no scope), plus the account filter: see InteractionSearch.nearest. */
    private static String where(boolean filtered, boolean forced) {
        return "c.embedding_model = ?" + (!filtered ? "" : forced ? " and c.account_id + 0 = ?" : " and c.account_id = ?");
    }

    private static String sql(String table, boolean filtered, boolean forced) {
        return "with hits as materialized (" + NearestChunks.candidatesSql("c.id", table, where(filtered, forced), filtered && !forced)
                + ") select id from hits order by distance, id";
    }

    private void bind(PreparedStatement ps, Query q, boolean filtered) throws SQLException {
        PGvector v = new PGvector(q.vector());
        int i = 1;
        ps.setObject(i++, v);
        ps.setString(i++, model);
        if (filtered) {
            ps.setInt(i++, q.account());
        }
        ps.setObject(i++, v);
        ps.setInt(i, CANDIDATES);
    }

    private void measure(String label, String table, int ef, Query[] queries, boolean filtered, boolean forced, int rounds)
            throws SQLException {
        db.setAutoCommit(false);
        double[] p95s = new double[rounds];
        List<Double> all = new ArrayList<>();
        double recall = 0;
        try (PreparedStatement ps = db.prepareStatement(sql(table, filtered, forced))) {
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                double[] times = new double[queries.length];
                int hits = 0;
                int wanted = 0;
                for (int q = 0; q < queries.length; q++) {
                    bind(ps, queries[q], filtered);
                    long t0 = System.nanoTime();
                    NearestChunks.setLocal(db, ef, ITERATIVE_SCAN, MAX_SCAN_TUPLES);
                    Set<Long> got = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && got.size() < K) {
                            got.add(rs.getLong(1));
                        }
                    }
                    db.commit();
                    times[q] = (System.nanoTime() - t0) / 1e6;
                    long[] exact = filtered ? queries[q].exactFiltered() : queries[q].exact();
                    wanted += exact.length;
                    for (long id : exact) {
                        if (got.contains(id)) {
                            hits++;
                        }
                    }
                }
                if (round >= 0) {
                    Arrays.sort(times);
                    p95s[round] = Stats.pct(times, 95);
                    for (double t : times) {
                        all.add(t);
                    }
                    recall = hits / (double) wanted;
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(p95s);
        line("| %s | %d | %.2f | %.2f | %.2f | %.2f–%.2f | %.3f | %s |", label, ef, Stats.pct(sorted, 50), Stats.pct(sorted, 95),
                Stats.pct(sorted, 99), p95s[0], p95s[rounds - 1], recall, load());
    }

    private void explain(String table, Query q, boolean filtered) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("explain (costs off) " + sql(table, filtered, false))) {
            NearestChunks.setLocal(db, SERVICE_EF, ITERATIVE_SCAN, MAX_SCAN_TUPLES);
            bind(ps, q, filtered);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    line(rs.getString(1).replaceAll("'\\[[^']*\\]'", "'[...]'"));
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private String setting(String name) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long[] exactTopK(float[][] data, int[] account, float[] q, int onlyAccount) {
        long[] ids = new long[K];
        double[] best = new double[K];
        Arrays.fill(best, Double.MAX_VALUE);
        Arrays.fill(ids, -1);
        for (int i = 0; i < data.length; i++) {
            if (onlyAccount > 0 && account[i] != onlyAccount) {
                continue;
            }
            double d = 1 - dot(data[i], q);
            if (d < best[K - 1]) {
                int j = K - 1;
                while (j > 0 && best[j - 1] > d) {
                    best[j] = best[j - 1];
                    ids[j] = ids[j - 1];
                    j--;
                }
                best[j] = d;
                ids[j] = i;
            }
        }
        return Arrays.stream(ids).filter(id -> id >= 0).toArray();
    }

    /** A real embedding as centre, plus a mix of three other real embeddings' deviations from the mean, plus a little noise. */
    private static float[] sample(Random random, float[][] centres, float[] mean) {
        float[] v = centres[random.nextInt(centres.length)].clone();
        for (int j = 0; j < 3; j++) {
            float[] other = centres[random.nextInt(centres.length)];
            double w = random.nextGaussian() * MIX_SIGMA;
            for (int d = 0; d < DIM; d++) {
                v[d] += (float) (w * (other[d] - mean[d]));
            }
        }
        double sigma = NOISE / Math.sqrt(DIM);
        for (int d = 0; d < DIM; d++) {
            v[d] += (float) (random.nextGaussian() * sigma);
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    private void section(String format, Object... args) {
        report.append("\n### Search at ").append(String.format(Locale.ROOT, format, args)).append("\n\n");
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
