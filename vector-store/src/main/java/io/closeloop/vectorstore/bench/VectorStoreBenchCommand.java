package io.closeloop.vectorstore.bench;

import io.closeloop.kernel.cli.Command;
import io.closeloop.vectorstore.demo.DemoBook;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.closeloop.vectorstore.ingest.Chunker;
import io.closeloop.vectorstore.ingest.IngestionConfig;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * {@code vector-store-bench <report dir> [interactions] [models] [ingestion]}: embedding latency, throughput and
 * retrieval quality of both candidate models, then end-to-end ingestion through the real
 * pipeline into the configured (benchmark!) database against raw embedding of the same texts,
 * in alternating rounds. Run by {@code bench/vector-store.sh}, which adds the search benchmark.
 */
@ApplicationScoped
public class VectorStoreBenchCommand implements Command {

    static final int ROUNDS = 7;
    /** Interactions through raw and pipeline, untimed, before the timed rounds (see the warm-up in {@link #ingestion}). */
    static final int WARM_UP = Integer.getInteger("closeloop.bench.warm-up-interactions", 36_000);

    private final TextEmbedder embedder;
    private final IngestionPipeline pipeline;
    private final Chunker chunker;
    private final IngestionConfig config;
    private final CpuMeter cpu;
    private final DataSource db;

    public VectorStoreBenchCommand(TextEmbedder embedder, IngestionPipeline pipeline, Chunker chunker, IngestionConfig config,
            DataSource db) {
        this.embedder = embedder;
        this.pipeline = pipeline;
        this.chunker = chunker;
        this.config = config;
        this.cpu = new CpuMeter(db);
        this.db = db;
    }

    /**
     * Waits (at most a minute) until the outbox relay has published every event, so relaying a
     * pipeline round's last events does not run during the next raw round.
     */
    private void awaitOutboxDrained() throws java.sql.SQLException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox where published_at is null")) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        }
        Thread.sleep(500); // and for the consumers of those events
    }

    private long storedChunks() throws java.sql.SQLException {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select count(*) from interaction_chunk")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String name() {
        return "vector-store-bench";
    }

    @Override
    public String summary() {
        return "benchmark embedding models and interaction ingestion (use a benchmark database)";
    }

    @Override
    public int run(String... args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/reports");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<String> parts = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("models", "ingestion");
        Files.createDirectories(dir);
        if (parts.contains("models")) {
            Files.writeString(dir.resolve("vector-store-models.part.md"), models());
        }
        if (parts.contains("ingestion")) {
            Files.writeString(dir.resolve("vector-store-ingestion.part.md"), ingestion(count));
        }
        return 0;
    }

    private String models() throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        List<DemoInteractionGenerator.Labelled> corpus = new DemoInteractionGenerator(1, book(), Instant.parse("2026-11-01T00:00:00Z"))
                .generateLabelled(1000, 0.0);
        List<String> texts = corpus.stream().map(l -> chunker.chunks(l.input().subject(), l.input().body()).get(0)).toList();
        List<String> topics = corpus.stream().map(DemoInteractionGenerator.Labelled::topic).toList();

        out.append("## Embedding models\n\n");
        out.append("Latency: one short text (`").append(EmbeddingBenchmark.SHORT_TEXT).append("`), ")
                .append(EmbeddingBenchmark.LATENCY_RUNS).append(" calls after 20 warm-up calls. Throughput: 1,000 generated sales ")
                .append("interactions (first chunk, 150–700 characters), timed per batch of ").append(EmbeddingBenchmark.BATCH)
                .append(" texts (`embedAll`; LangChain4j spreads each batch over the cores).\n")
                .append("Quality: ").append(EmbeddingBenchmark.queries().size()).append(" paraphrased queries (`retrieval-eval.csv`, 8 topics) ")
                .append("against the same 1,000 interactions labelled by topic; exact cosine search; precision@10 and MRR.\n\n");
        out.append("| model | latency ms, median (IQR, range) | texts/s, median (IQR, range) | precision@10 | MRR | precision@10 / MRR without query instruction |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (String model : List.of("bge-small-en-v15-q", "all-minilm-l6-v2-q")) {
            TextEmbedder candidate = model.equals(embedder.modelName()) ? embedder : new TextEmbedder(model, 32, null);
            TextEmbedder plain = model.startsWith("bge") ? new TextEmbedder(model, 32, "") : null;
            EmbeddingBenchmark.Result r = EmbeddingBenchmark.run(candidate, plain, texts, topics);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %s |%n", model, r.latencyMs().describe("%.1f"),
                    r.textsPerSecond().describe("%.1f"), r.quality().precisionAt10(), r.quality().mrr(),
                    r.qualityWithoutInstruction() == null ? "(no instruction)" : String.format(Locale.ROOT, "%.3f / %.3f",
                            r.qualityWithoutInstruction().precisionAt10(), r.qualityWithoutInstruction().mrr())));
            System.out.println(out);
        }

        return out.toString();
    }

    private String ingestion(int count) throws java.sql.SQLException, InterruptedException {
        StringBuilder out = new StringBuilder();
        out.append("\n## End-to-end ingestion (model `").append(embedder.modelName()).append("`, run started ").append(Instant.now())
                .append(")\n\n");
        out.append("Each round: ").append(count).append(" new generated interactions (unique external ids, CRM ids unknown so identity ")
                .append("resolution runs every lookup and keeps them unmatched). *Raw*: chunk + `embedAll` of exactly the texts the ")
                .append("pipeline embeds. *Pipeline*: `IngestionPipeline.overlapping` (as the bulk import and the demo use it) in batches of ").append(config.importBatch())
                .append(" (validate, hash check, chunk, embed; then one transaction per batch: upsert, identity resolution, chunks with ")
                .append("vectors, outbox event — stored on a writer thread while the next batch embeds). Rounds alternate raw and pipeline, after an untimed warm-up (")
                .append(String.format(Locale.ROOT, "%,d", WARM_UP)).append(" interactions through each); ")
                .append("each raw round starts once the outbox relay has published the previous round's events. ")
                .append("Both embed with the same `TextEmbedder` (ONNX Runtime ").append(embedder.intraOpThreads())
                .append(" intra-op thread(s) per text, no spin-waiting, one text per core).\n\n");
        double[] raw = new double[ROUNDS];
        double[] e2e = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        double[] chunkMs = new double[ROUNDS];
        double[] prepareMs = new double[ROUNDS];
        double[] storeMs = new double[ROUNDS];
        double[] rawCpu = new double[ROUNDS];
        double[] jvmCpu = new double[ROUNDS];
        double[] writerCpu = new double[ROUNDS];
        double[] pgCpu = new double[ROUNDS];
        double[] extraCpu = new double[ROUNDS];
        double[] jitCpu = new double[ROUNDS];
        double[] bound = new double[ROUNDS];
        double[] boundWarm = new double[ROUNDS];
        double[] brokerRaw = new double[ROUNDS];
        double[] brokerPipeline = new double[ROUNDS];
        double[] boundBroker = new double[ROUNDS];
        // Warm-up, not timed. The pipeline runs far more code than raw embedding (Hibernate, JDBC, Jackson, the outbox
        // relay, RabbitMQ). After a warm-up of one batch the JIT compiler threads took 2-3.4 ms of CPU per interaction in
        // the timed pipeline rounds, after 3 rounds' worth (of 400) still 1.3-2.2 ms, after 5 still 0.8-2 ms, after 10
        // 0.85 ms, after 30 (12,000 interactions) 0.13-0.83 ms (median 0.35-0.43 in two quiet runs) and after 36,000
        // 0.08-0.45 (median 0.18) on the quiet machine (per-batch code of Hibernate, JDBC and messaging reaching C2
        // slowly: one call per batch of 64), which a long-running import does not pay; the report shows what is left.
        List<InteractionInput> warm = new DemoInteractionGenerator(System.nanoTime(), book(), Instant.now()).generate(WARM_UP, 0.04);
        embedder.embedAll(warm.stream().flatMap(i -> chunker.chunks(i.subject(), i.body().strip()).stream()).toList());
        try (IngestionPipeline.Overlapping stream = pipeline.overlapping(IngestPath.IMPORT, null)) {
            for (int from = 0; from < warm.size(); from += config.importBatch()) {
                stream.submit(warm.subList(from, Math.min(warm.size(), from + config.importBatch())), stored -> {
                });
            }
        }
        long chunksBefore = storedChunks();
        for (int round = 0; round < ROUNDS; round++) {
            awaitOutboxDrained();
            List<InteractionInput> inputs = new DemoInteractionGenerator(System.nanoTime(), book(), Instant.now()).generate(count, 0.04);
            CpuMeter.Reading c0 = cpu.read();
            long t0 = System.nanoTime();
            List<String> chunks = new ArrayList<>();
            for (InteractionInput i : inputs) {
                chunks.addAll(chunker.chunks(i.subject(), i.body().strip()));
            }
            chunkMs[round] = (System.nanoTime() - t0) / 1e6 / count;
            embedder.embedAll(chunks);
            raw[round] = count / ((System.nanoTime() - t0) / 1e9);
            CpuMeter.Reading c1 = cpu.read();
            rawCpu[round] = CpuMeter.jvmMs(c0, c1) / count;
            t0 = System.nanoTime();
            IngestionPipeline.Overlapping stream = pipeline.overlapping(IngestPath.IMPORT, null);
            try (stream) {
                for (int from = 0; from < inputs.size(); from += config.importBatch()) {
                    stream.submit(inputs.subList(from, Math.min(inputs.size(), from + config.importBatch())), stored -> {
                    });
                }
            }
            prepareMs[round] = stream.prepareNanos() / 1e6 / count;
            storeMs[round] = stream.storeNanos() / 1e6 / count;
            e2e[round] = count / ((System.nanoTime() - t0) / 1e9);
            CpuMeter.Reading c2 = cpu.read();
            jvmCpu[round] = CpuMeter.jvmMs(c1, c2) / count;
            writerCpu[round] = stream.storeCpuNanos() / 1e6 / count;
            pgCpu[round] = CpuMeter.backendMs(c1, c2) / count;
            jitCpu[round] = CpuMeter.threadMs(c1, c2, "C1 CompilerThre", "C2 CompilerThre") / count;
            extraCpu[round] = jvmCpu[round] + (Double.isNaN(pgCpu[round]) ? 0 : pgCpu[round]) - rawCpu[round];
            bound[round] = rawCpu[round] / (rawCpu[round] + extraCpu[round]);
            boundWarm[round] = rawCpu[round] / (rawCpu[round] + extraCpu[round] - jitCpu[round]);
            brokerRaw[round] = CpuMeter.brokerMs(c0, c1) / count;
            brokerPipeline[round] = CpuMeter.brokerMs(c1, c2) / count;
            double brokerExtra = Double.isNaN(brokerPipeline[round]) ? 0 : brokerPipeline[round] - brokerRaw[round];
            boundBroker[round] = rawCpu[round] / (rawCpu[round] + extraCpu[round] + brokerExtra);
            ratio[round] = e2e[round] / raw[round];
            System.out.printf(Locale.ROOT, "round %d: raw %.1f/s, pipeline %.1f/s, ratio %.2f; CPU ms/interaction raw %.2f, pipeline JVM %.2f "
                    + "(writer %.2f) + PostgreSQL %.2f, extra %.2f; RabbitMQ node raw %.2f, pipeline %.2f%n", round, raw[round], e2e[round],
                    ratio[round], rawCpu[round], jvmCpu[round], writerCpu[round], pgCpu[round], extraCpu[round], brokerRaw[round],
                    brokerPipeline[round]);
            System.out.println("  raw CPU ms/interaction by thread: " + CpuMeter.byThread(c0, c1, count));
            System.out.println("  pipeline CPU ms/interaction by thread: " + CpuMeter.byThread(c1, c2, count));
        }
        out.append(String.format(Locale.ROOT, "Store size: %,d chunks when the timed rounds began, %,d after them (HNSW inserts cost more in a "
                + "bigger graph; `bench/vector-store.sh` starts from an empty store unless CLOSELOOP_BENCH_KEEP_STORE=1).%n%n",
                chunksBefore, storedChunks()));
        out.append("| measure | median (IQR, range) |\n|---|---|\n");
        out.append("| raw embedding, interactions/s | ").append(Stats.of(raw).describe("%.1f")).append(" |\n");
        out.append("| pipeline (embed + store), interactions/s | ").append(Stats.of(e2e).describe("%.1f")).append(" |\n");
        out.append("| ratio pipeline / raw (target ≥ 0.80) | ").append(Stats.of(ratio).describe("%.2f")).append(" |\n");
        out.append("| where the time goes, ms per interaction: chunking (in raw) | ").append(Stats.of(chunkMs).describe("%.2f")).append(" |\n");
        out.append("| pipeline: validate + hash check + chunk + embed (caller's thread) | ").append(Stats.of(prepareMs).describe("%.1f")).append(" |\n");
        out.append("| pipeline: store, one transaction per batch (writer thread, overlaps the next batch's embedding) | ")
                .append(Stats.of(storeMs).describe("%.1f")).append(" |\n");
        out.append("| CPU ms per interaction (all cores; what the 2 cores must supply): raw embedding, JVM | ")
                .append(Stats.of(rawCpu).describe("%.2f")).append(" |\n");
        out.append("| pipeline, JVM (embedding, store, outbox relay, everything in the process) | ").append(Stats.of(jvmCpu).describe("%.2f")).append(" |\n");
        out.append("| pipeline, of which the writer thread (store step, JVM side) | ").append(Stats.of(writerCpu).describe("%.2f")).append(" |\n");
        out.append("| pipeline, of which the JIT compiler threads (`/proc/self/task`; warm-up left-overs) | ")
                .append(Stats.of(jitCpu).describe("%.2f")).append(" |\n");
        out.append("| pipeline, PostgreSQL backends of this database (`/proc`, 10 ms ticks) | ").append(Stats.of(pgCpu).describe("%.2f")).append(" |\n");
        out.append("| pipeline's extra CPU over raw (JVM + PostgreSQL − raw): what storing costs the embedding | ")
                .append(Stats.of(extraCpu).describe("%.2f")).append(" |\n");
        out.append("| ratio bound from CPU: raw CPU / (raw CPU + extra CPU) | ").append(Stats.of(bound).describe("%.2f")).append(" |\n");
        out.append("| the same without the JIT compiler's CPU (a warmed-up, long-running import) | ")
                .append(Stats.of(boundWarm).describe("%.2f")).append(" |\n");
        out.append("| RabbitMQ node (`beam.smp`, the whole broker: other vhosts' traffic too), raw rounds | ")
                .append(Stats.of(brokerRaw).describe("%.2f")).append(" |\n");
        out.append("| RabbitMQ node, pipeline rounds (publishing, routing, delivering and acking the events) | ")
                .append(Stats.of(brokerPipeline).describe("%.2f")).append(" |\n");
        out.append("| ratio bound counting the broker too: raw CPU / (raw CPU + extra CPU + broker's pipeline − raw) | ")
                .append(Stats.of(boundBroker).describe("%.2f")).append(" |\n");
        out.append("\nOn a machine whose 2 cores are all busy embedding, the wall-clock ratio cannot exceed the CPU bound. On a shared ")
                .append("machine it can: other processes take a share of the cores from raw and pipeline alike, and the pipeline's extra ")
                .append("threads win a larger share of the machine; there the CPU figures are the ones to read.\n");
        System.out.println(out);
        return out.toString();
    }

    /** A synthetic book (ids that do not exist in the database): the generator only needs names and addresses. */
    static DemoBook book() {
        List<DemoBook.DemoAccount> accounts = new ArrayList<>();
        for (int a = 1; a <= 60; a++) {
            accounts.add(new DemoBook.DemoAccount(-a, "Bench Account " + a, "bench" + a + ".example", "Owner " + a,
                    "owner" + a + "@closeloop.example",
                    List.of(new DemoBook.DemoContact(-a * 10L, "Kim", "kim@bench" + a + ".example", "VP Sales")), List.of()));
        }
        return new DemoBook(accounts, List.of("Forecasting Cloud", "Pipeline Analytics", "Quote Builder"));
    }
}
