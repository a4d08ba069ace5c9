package io.closeloop.vectorstore.bench;

import com.pgvector.PGvector;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Search latency and recall@10 of pgvector's HNSW index against exact search, on synthetic
 * clustered 384-d vectors (unit length, like sentence embeddings) in a table shaped like
 * {@code interaction_chunk} (same index definition), unfiltered and filtered by one account.
 * A plain program over JDBC: run it against its own database (bench/vector-store.sh).
 *
 * <p>Args: {@code jdbcUrl user password reportFile size[,size...]}.
 */
public final class SearchBenchmark {

    static final int DIM = 384;
    static final int ACCOUNTS = 500;
    static final int CENTROIDS = 2000;
    static final int QUERIES = 200;
    static final int K = 10;
    static final int ROUNDS = 3;
    static final int[] EF_SEARCH = { 40, 100, 200 };

    private final Connection db;
    private final StringBuilder report = new StringBuilder();

    SearchBenchmark(Connection db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            SearchBenchmark bench = new SearchBenchmark(db);
            for (String size : args[4].split(",")) {
                bench.run(Integer.parseInt(size.trim()));
                Files.writeString(Path.of(args[3]), bench.report.toString());
            }
        }
    }

    void run(int n) throws SQLException, IOException {
        String table = "bench_chunk_" + n;
        Random random = new Random(20261122L + n);
        float[][] centroids = new float[CENTROIDS][];
        for (int c = 0; c < CENTROIDS; c++) {
            centroids[c] = unit(gaussian(random, 1.0));
        }
        float[][] data = new float[n][];
        int[] account = new int[n];
        for (int i = 0; i < n; i++) {
            data[i] = sample(random, centroids);
            account[i] = 1 + random.nextInt(ACCOUNTS);
        }
        float[][] queries = new float[QUERIES][];
        int[] queryAccount = new int[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = sample(random, centroids);
            queryAccount[q] = 1 + random.nextInt(ACCOUNTS);
        }
        section("%,d chunks", n);
        line("Synthetic data: %d clusters, unit vectors (centroid + gaussian noise), %d accounts uniformly; %d held-out queries.",
                CENTROIDS, ACCOUNTS, QUERIES);
        load(table, data, account);
        long t0 = System.nanoTime();
        long[][] exact = new long[QUERIES][];
        long[][] exactFiltered = new long[QUERIES][];
        IntStream.range(0, QUERIES).parallel().forEach(q -> {
            exact[q] = exactTopK(data, account, queries[q], -1);
            exactFiltered[q] = exactTopK(data, account, queries[q], queryAccount[q]);
        });
        line("Exact neighbours (brute force in the JVM, for recall): %.1f s.", (System.nanoTime() - t0) / 1e9);
        line("");
        line("| query | ef_search | p50 ms | p95 ms | p99 ms | p95 spread over the rounds (min–max) ms | recall@10 |");
        line("|---|---|---|---|---|---|---|");
        for (int ef : EF_SEARCH) {
            measure("unfiltered", table, ef, queries, null, exact, ROUNDS);
            measure("account = one of " + ACCOUNTS + " (planner's choice)", table, ef, queries, queryAccount, exactFiltered, ROUNDS);
        }
        // The forced HNSW path visits up to hnsw.max_scan_tuples per query: slow, so fewer queries and one round.
        measure("account = one of " + ACCOUNTS + " (HNSW + iterative scan forced, 50 queries)", table, 100,
                Arrays.copyOf(queries, 50), Arrays.copyOf(queryAccount, 50), Arrays.copyOf(exactFiltered, 50), 1);
        line("");
        line("Plan of the filtered query (ef_search 100, iterative scan relaxed_order); the forced variant writes");
        line("`account_id + 0 = ?` so that only the HNSW index applies:");
        line("```");
        try (Statement st = db.createStatement()) {
            db.setAutoCommit(false);
            st.execute("set local hnsw.ef_search = 100");
            st.execute("set local hnsw.iterative_scan = relaxed_order");
            try (PreparedStatement ps = db.prepareStatement("explain (costs off) " + filteredSql(table))) {
                ps.setObject(1, new PGvector(queries[0]));
                ps.setInt(2, queryAccount[0]);
                ps.setObject(3, new PGvector(queries[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        line(rs.getString(1).replaceAll("'\\[[^']*\\]'", "'[...]'"));
                    }
                }
            }
            db.commit();
            db.setAutoCommit(true);
        }
        line("```");
    }

    private void load(String table, float[][] data, int[] account) throws SQLException, IOException {
        try (Statement st = db.createStatement()) {
            boolean ready;
            try (ResultSet rs = st.executeQuery("select count(*) from pg_indexes where indexname = '" + table + "_hnsw'")) {
                rs.next();
                ready = rs.getInt(1) == 1;
            }
            if (ready) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    ready = rs.getLong(1) == data.length;
                }
            }
            if (ready) {
                line("Table and index reused from an earlier run (same seed, same rows).");
                reportIndexSize(st, table);
                return;
            }
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (id bigint primary key, account_id int not null, embedding vector(" + DIM + ") not null)");
            long t0 = System.nanoTime();
            CopyManager copy = new CopyManager(db.unwrap(BaseConnection.class));
            StringBuilder rows = new StringBuilder(1 << 24);
            for (int i = 0; i < data.length; i++) {
                rows.append(i).append('\t').append(account[i]).append('\t').append(new PGvector(data[i]).getValue()).append('\n');
                if (rows.length() > (1 << 23) || i == data.length - 1) {
                    copy.copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            st.execute("analyze " + table);
            line("Load (COPY): %.1f s.", (System.nanoTime() - t0) / 1e9);
            st.execute("set maintenance_work_mem = '2GB'");
            st.execute("set max_parallel_maintenance_workers = 1");
            t0 = System.nanoTime();
            st.execute("create index " + table + "_hnsw on " + table + " using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)");
            line("HNSW build (m 16, ef_construction 64, maintenance_work_mem 2GB, 1 parallel worker + leader): %.1f s.",
                    (System.nanoTime() - t0) / 1e9);
            st.execute("create index " + table + "_account on " + table + " (account_id)");
            st.execute("analyze " + table);
            reportIndexSize(st, table);
        }
    }

    private void reportIndexSize(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select pg_size_pretty(pg_relation_size('" + table + "_hnsw')), pg_size_pretty(pg_table_size('" + table + "'))")) {
            rs.next();
            line("HNSW index size %s, table %s (shared_buffers is the server's 128MB: the index is read through the OS page cache).",
                    rs.getString(1), rs.getString(2));
        }
    }

    private static String unfilteredSql(String table) {
        return "select id from " + table + " order by embedding <=> ? limit " + K;
    }

    private static String filteredSql(String table) {
        return "with hits as materialized (select id, embedding <=> ? as distance from " + table
                + " where account_id = ? order by embedding <=> ? limit " + K + ") select id from hits order by distance";
    }

    private void measure(String label, String table, int ef, float[][] queries, int[] accounts, long[][] exact, int rounds)
            throws SQLException {
        db.setAutoCommit(false);
        String sql = accounts == null ? unfilteredSql(table)
                : label.contains("forced") ? filteredSql(table).replace("account_id = ?", "account_id + 0 = ?") : filteredSql(table);
        double[] p95s = new double[rounds];
        List<Double> all = new ArrayList<>();
        double recall = 0;
        try (Statement st = db.createStatement(); PreparedStatement ps = db.prepareStatement(sql)) {
            st.execute("set hnsw.ef_search = " + ef);
            st.execute("set hnsw.iterative_scan = relaxed_order");
            for (int round = -1; round < rounds; round++) { // round -1 warms the cache
                double[] times = new double[queries.length];
                int hits = 0;
                for (int q = 0; q < queries.length; q++) {
                    PGvector v = new PGvector(queries[q]);
                    ps.setObject(1, v);
                    if (accounts != null) {
                        ps.setInt(2, accounts[q]);
                        ps.setObject(3, v);
                    }
                    long t0 = System.nanoTime();
                    Set<Long> got = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            got.add(rs.getLong(1));
                        }
                    }
                    times[q] = (System.nanoTime() - t0) / 1e6;
                    for (long id : exact[q]) {
                        if (got.contains(id)) {
                            hits++;
                        }
                    }
                }
                if (round >= 0) {
                    Arrays.sort(times);
                    p95s[round] = pct(times, 95);
                    for (double t : times) {
                        all.add(t);
                    }
                    recall = hits / (double) Arrays.stream(exact).mapToInt(e -> e.length).sum();
                }
            }
            db.commit();
        }
        db.setAutoCommit(true);
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(p95s);
        line("| %s | %d | %.2f | %.2f | %.2f | %.2f–%.2f | %.3f |", label, ef, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                p95s[0], p95s[rounds - 1], recall);
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

    private static float[] sample(Random random, float[][] centroids) {
        float[] c = centroids[random.nextInt(centroids.length)];
        float[] noise = gaussian(random, 0.7 / Math.sqrt(DIM));
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = c[d] + noise[d];
        }
        return unit(v);
    }

    private static float[] gaussian(Random random, double sigma) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (float) (random.nextGaussian() * sigma);
        }
        return v;
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

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
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
