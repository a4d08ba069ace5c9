package io.closeloop.vectorstore.ingest;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The one pipeline behind the webhook, the bulk import, the queue and the demo data: validate,
 * skip what is already stored unchanged (by external id and content hash), chunk and embed the
 * rest in one batch (outside any transaction: it is the slow, CPU-bound part), then store the
 * batch in one transaction. A batch that cannot be stored is retried item by item, so one bad
 * item does not take the others with it, and nothing is ever half-written. For streams of
 * batches (imports), {@link #overlapping} stores one batch while the next is being embedded.
 */
@ApplicationScoped
public class IngestionPipeline {

    private static final Logger LOG = Logger.getLogger(IngestionPipeline.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final InteractionValidator validator;
    private final Chunker chunker;
    private final TextEmbedder embedder;
    private final InteractionWriter writer;

    public IngestionPipeline(InteractionValidator validator, Chunker chunker, TextEmbedder embedder, InteractionWriter writer) {
        this.validator = validator;
        this.chunker = chunker;
        this.embedder = embedder;
        this.writer = writer;
    }

    /** One interaction; bad input is thrown as a problem (400, or 413 for a body over the limit). */
    public IngestResult ingestOne(InteractionInput input, IngestPath via, Rep actor) {
        ValidInteraction valid = validator.validate(input, via);
        return write(prepare(List.of(new Candidate(0, valid))), via, actor).get(0);
    }

    /** A batch: every item gets a result at its index; bad items are rejected, the rest proceed. */
    @WithSpan("closeloop.vectorstore.ingest")
    public List<IngestResult> ingest(List<InteractionInput> inputs, IngestPath via, Rep actor) {
        Batch batch = validate(inputs, via);
        return batch.complete(write(prepare(batch.candidates()), via, actor));
    }

    /** A parsed JSON document (webhook body, queue message): items that could not be read are rejected at their index. */
    public List<IngestResult> ingest(InteractionJson.Parsed parsed, IngestPath via, Rep actor) {
        List<InteractionInput> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        IngestResult[] results = new IngestResult[parsed.items().size()];
        for (int i = 0; i < parsed.items().size(); i++) {
            if (parsed.itemErrors().get(i).isEmpty()) {
                readable.add(parsed.items().get(i));
                positions.add(i);
            } else {
                results[i] = IngestResult.rejected(i, null, parsed.itemErrors().get(i));
            }
        }
        List<IngestResult> stored = ingest(readable, via, actor);
        for (int i = 0; i < stored.size(); i++) {
            results[positions.get(i)] = stored.get(i).at(positions.get(i));
        }
        return Arrays.asList(results);
    }

    /** Starts a stream of batches whose storing overlaps with embedding the next batch; close it to wait for the last. */
    public Overlapping overlapping(IngestPath via, Rep actor) {
        return new Overlapping(via, actor);
    }

    /**
     * Two stages over one stream: the caller's thread validates and embeds batch n+1 (the model
     * uses every core) while a writer thread stores batch n. A write always sees the database as
     * it is (it re-checks each external id under its lock), so overlapping never stores twice.
     */
    public final class Overlapping implements AutoCloseable {

        private final IngestPath via;
        private final Rep actor;
        private final ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "closeloop-ingest-writer");
            thread.setDaemon(true);
            return thread;
        });
        private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        private final AtomicLong prepareNanos = new AtomicLong();
        private final AtomicLong storeNanos = new AtomicLong();
        private final AtomicLong storeCpuNanos = new AtomicLong();

        private Overlapping(IngestPath via, Rep actor) {
            this.via = via;
            this.actor = actor;
        }

        /** Embeds now; stores after the previous batch is stored, then hands the results (in input order) to {@code stored}. */
        public void submit(List<InteractionInput> inputs, Consumer<List<IngestResult>> stored) {
            long t0 = System.nanoTime();
            Batch batch = validate(inputs, via);
            List<InteractionWriter.Prepared> prepared = prepare(batch.candidates());
            prepareNanos.addAndGet(System.nanoTime() - t0);
            previous.join();
            previous = CompletableFuture.runAsync(() -> {
                long t1 = System.nanoTime();
                long cpu1 = THREADS.getCurrentThreadCpuTime();
                List<IngestResult> results = write(prepared, via, actor);
                storeCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu1);
                storeNanos.addAndGet(System.nanoTime() - t1);
                stored.accept(batch.complete(results));
            }, writerThread);
        }

        /** Time spent so far validating, checking hashes, chunking and embedding (the caller's thread). */
        public long prepareNanos() {
            return prepareNanos.get();
        }

        /** Time spent so far storing (the writer thread, overlapping with preparing the next batch). */
        public long storeNanos() {
            return storeNanos.get();
        }

        /** CPU time the writer thread spent storing (this JVM only: PostgreSQL's work is not in it). */
        public long storeCpuNanos() {
            return storeCpuNanos.get();
        }

        @Override
        public void close() {
            try {
                previous.join();
            } finally {
                writerThread.shutdown();
            }
        }
    }

    private record Candidate(int index, ValidInteraction input) {
    }

    /** The validation outcome of a batch: rejected items already have their result. */
    private record Batch(IngestResult[] results, List<Candidate> candidates) {

        List<IngestResult> complete(List<IngestResult> stored) {
            IngestResult[] all = results.clone();
            for (IngestResult result : stored) {
                all[result.index()] = result;
            }
            return Arrays.asList(all);
        }
    }

    private Batch validate(List<InteractionInput> inputs, IngestPath via) {
        IngestResult[] results = new IngestResult[inputs.size()];
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InteractionInput input = inputs.get(i);
            try {
                candidates.add(new Candidate(i, validator.validate(input, via)));
            } catch (ProblemException e) {
                results[i] = IngestResult.rejected(i, input == null ? null : input.externalId(), e.errors().isEmpty()
                        ? List.of(new FieldError("body", e.getMessage())) : e.errors());
            }
        }
        return new Batch(results, candidates);
    }

    /** Chunks and embeds (in one batch) what is new or whose text changed; the rest is handed on without vectors. */
    private List<InteractionWriter.Prepared> prepare(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, InteractionWriter.Stored> stored = writer.stored(candidates.stream().map(c -> c.input().externalId()).distinct().toList());
        List<List<String>> chunkLists = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Candidate c : candidates) {
            InteractionWriter.Stored now = stored.get(c.input().externalId());
            boolean embed = now == null || !embedder.modelName().equals(now.embeddingModel())
                    || !now.contentHash().equals(c.input().contentHash()) && !c.input().sameText(now.subject(), now.body());
            List<String> chunks = embed ? chunker.chunks(c.input().subject(), c.input().body()) : null;
            chunkLists.add(chunks);
            if (chunks != null) {
                texts.addAll(chunks);
            }
        }
        List<float[]> vectors = embedder.embedAll(texts);
        List<InteractionWriter.Prepared> prepared = new ArrayList<>(candidates.size());
        int next = 0;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> chunks = chunkLists.get(i);
            List<float[]> own = chunks == null ? null : vectors.subList(next, next + chunks.size());
            next += chunks == null ? 0 : chunks.size();
            prepared.add(new InteractionWriter.Prepared(candidates.get(i).index(), candidates.get(i).input(), chunks, own));
        }
        return prepared;
    }

    private List<IngestResult> write(List<InteractionWriter.Prepared> prepared, IngestPath via, Rep actor) {
        if (prepared.isEmpty()) {
            return List.of();
        }
        try {
            return writer.write(prepared, via, actor);
        } catch (RuntimeException batchFailure) {
            if (prepared.size() == 1) {
                throw batchFailure;
            }
            LOG.warnf("Storing a batch of %d interactions failed (%s); storing them one by one", prepared.size(), batchFailure.toString());
            List<IngestResult> results = new ArrayList<>();
            for (InteractionWriter.Prepared item : prepared) {
                try {
                    results.addAll(writer.write(List.of(item), via, actor));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Interaction %s could not be stored", item.input().externalId());
                    results.add(new IngestResult(item.index(), item.input().externalId(), IngestStatus.FAILED, null, null,
                            List.of(new FieldError("externalId", "could not be stored: " + rootMessage(e)))));
                }
            }
            return results;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).split("\n")[0];
    }
}
