package io.closeloop.vectorstore.bench;

import io.closeloop.vectorstore.embedding.TextEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Speed and retrieval quality of one embedding model: latency of a short text, throughput over a
 * corpus of generated sales interactions (timed per batch), and how well paraphrased queries from
 * {@code retrieval-eval.csv} find interactions of their topic (precision@10 and MRR, exact search).
 */
final class EmbeddingBenchmark {

    static final String SHORT_TEXT = "Can we move Thursday's call to Friday morning?";
    static final int LATENCY_RUNS = 200;
    static final int BATCH = 100;

    record Query(String topic, String text) {
    }

    record Quality(double precisionAt10, double mrr) {
    }

    record Result(String model, Stats latencyMs, Stats textsPerSecond, Quality quality, Quality qualityWithoutInstruction) {
    }

    private EmbeddingBenchmark() {
    }

    static Result run(TextEmbedder embedder, TextEmbedder withoutInstruction, List<String> corpus, List<String> topics) throws IOException {
        for (int i = 0; i < 20; i++) {
            embedder.embed(SHORT_TEXT); // warm-up: ONNX sessions, JIT
        }
        double[] latency = new double[LATENCY_RUNS];
        for (int i = 0; i < LATENCY_RUNS; i++) {
            long t0 = System.nanoTime();
            embedder.embed(SHORT_TEXT);
            latency[i] = (System.nanoTime() - t0) / 1e6;
        }
        List<float[]> vectors = new ArrayList<>(corpus.size());
        double[] throughput = new double[corpus.size() / BATCH];
        for (int b = 0; b < throughput.length; b++) {
            List<String> batch = corpus.subList(b * BATCH, (b + 1) * BATCH);
            long t0 = System.nanoTime();
            vectors.addAll(embedder.embedAll(batch));
            throughput[b] = BATCH / ((System.nanoTime() - t0) / 1e9);
        }
        List<Query> queries = queries();
        Quality quality = quality(queries, q -> embedder.embedQuery(q), vectors, topics);
        Quality plain = withoutInstruction == null ? null : quality(queries, q -> withoutInstruction.embedQuery(q), vectors, topics);
        return new Result(embedder.modelName(), Stats.of(latency), Stats.of(throughput), quality, plain);
    }

    static List<Query> queries() throws IOException {
        List<Query> queries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(EmbeddingBenchmark.class.getResourceAsStream(
                "/closeloop/vectorstore/retrieval-eval.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    int comma = line.indexOf(',');
                    queries.add(new Query(line.substring(0, comma), line.substring(comma + 1)));
                }
            }
        }
        return queries;
    }

    private static Quality quality(List<Query> queries, java.util.function.Function<String, float[]> embed, List<float[]> corpus,
            List<String> topics) {
        double precision = 0;
        double mrr = 0;
        for (Query query : queries) {
            float[] q = embed.apply(query.text());
            List<Integer> ranked = IntStream.range(0, corpus.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -dot(q, corpus.get(i)))).toList();
            int relevant = 0;
            for (int r = 0; r < 10; r++) {
                relevant += topics.get(ranked.get(r)).equals(query.topic()) ? 1 : 0;
            }
            precision += relevant / 10.0;
            for (int r = 0; r < ranked.size(); r++) {
                if (topics.get(ranked.get(r)).equals(query.topic())) {
                    mrr += 1.0 / (r + 1);
                    break;
                }
            }
        }
        return new Quality(precision / queries.size(), mrr / queries.size());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
