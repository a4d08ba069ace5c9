package io.closeloop.vectorstore.ingest.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestStatus;
import io.closeloop.vectorstore.ingest.IngestionConfig;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.ingest.InteractionJson;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Bulk import of CSV or JSONL files through the ingestion pipeline, in batches; progress (bytes,
 * rows, counts, the first row errors) is written to the job row after every batch. Files from
 * the API are imported one at a time on a background worker (embedding already uses every core).
 */
@ApplicationScoped
public class BulkImportService {

    private static final Logger LOG = Logger.getLogger(BulkImportService.class);
    static final int MAX_STORED_ERRORS = 1000;

    private final IngestionPipeline pipeline;
    private final InteractionJson json;
    private final IngestionConfig config;
    private final ObjectMapper mapper;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "closeloop-interaction-import");
        thread.setDaemon(true);
        return thread;
    });

    public BulkImportService(IngestionPipeline pipeline, InteractionJson json, IngestionConfig config, ObjectMapper mapper) {
        this.pipeline = pipeline;
        this.json = json;
        this.config = config;
        this.mapper = mapper;
    }

    /** Starts importing a file (deleted afterwards) in the background; returns the job to poll. */
    public ImportView start(Path file, ImportFormat format, String fileName, Rep actor) throws IOException {
        long jobId = createJob(file, format, fileName, actor);
        worker.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                run(jobId, in, format, actor, p -> {
                });
            } catch (Exception e) {
                LOG.errorf(e, "Import %d failed", jobId);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not delete %s", file);
                }
            }
        });
        return view(jobId, null);
    }

    /** Imports on the caller's thread (the command line), reporting progress after every batch. */
    public ImportView importNow(Path file, ImportFormat format, Rep actor, Consumer<ImportView> progress) throws IOException {
        long jobId = createJob(file, format, file.getFileName().toString(), actor);
        try (InputStream in = Files.newInputStream(file)) {
            run(jobId, in, format, actor, progress);
        }
        return view(jobId, null);
    }

    private static long createJob(Path file, ImportFormat format, String fileName, Rep actor) throws IOException {
        long size = Files.size(file);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.format = format;
            job.fileName = fileName;
            job.sizeBytes = size;
            job.startedBy = actor == null ? null : actor.id;
            job.persist();
            return job.id;
        });
    }

    void run(long jobId, InputStream raw, ImportFormat format, Rep actor, Consumer<ImportView> progress) {
        try (RowSource rows = format == ImportFormat.CSV ? new CsvRows(new BufferedInputStream(raw, 1 << 16))
                : new JsonlRows(new BufferedInputStream(raw, 1 << 16), json);
                IngestionPipeline.Overlapping stream = pipeline.overlapping(IngestPath.IMPORT, actor)) {
            List<RowSource.Row> batch = new ArrayList<>();
            RowSource.Row row;
            while ((row = rows.next()) != null) {
                batch.add(row);
                if (batch.size() >= config.importBatch()) {
                    submit(jobId, List.copyOf(batch), rows.bytesRead(), stream, progress);
                    batch.clear();
                }
            }
            submit(jobId, List.copyOf(batch), rows.bytesRead(), stream, progress);
            stream.close();
            finish(jobId, ImportJob.State.DONE, null);
        } catch (ProblemException e) {
            finish(jobId, ImportJob.State.FAILED, e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "Import %d stopped", jobId);
            finish(jobId, ImportJob.State.FAILED, "stopped: " + (e.getCause() != null ? e.getCause() : e));
        }
        progress.accept(view(jobId, null));
    }

    /** Embeds the batch now; its rows are counted into the job once they are stored (while the next batch embeds). */
    private void submit(long jobId, List<RowSource.Row> batch, long bytesRead, IngestionPipeline.Overlapping stream,
            Consumer<ImportView> progress) {
        if (batch.isEmpty()) {
            return;
        }
        List<InteractionInput> inputs = new ArrayList<>();
        List<RowSource.Row> readable = new ArrayList<>();
        List<RowError> unreadable = new ArrayList<>();
        for (RowSource.Row row : batch) {
            if (row.errors().isEmpty()) {
                inputs.add(row.input());
                readable.add(row);
            } else {
                unreadable.add(new RowError(row.line(), null, row.errors()));
            }
        }
        stream.submit(inputs, results -> {
            record(jobId, batch.size(), bytesRead, readable, unreadable, results);
            progress.accept(view(jobId, null));
        });
    }

    private void record(long jobId, int rowsRead, long bytesRead, List<RowSource.Row> readable, List<RowError> unreadable,
            List<IngestResult> results) {
        List<RowError> errors = new ArrayList<>(unreadable);
        int[] counts = new int[IngestStatus.values().length];
        for (int i = 0; i < results.size(); i++) {
            IngestResult result = results.get(i);
            counts[result.status().ordinal()]++;
            if (!result.stored()) {
                errors.add(new RowError(readable.get(i).line(), result.externalId(), result.errors()));
            }
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.rowsRead += rowsRead;
            job.bytesRead = bytesRead;
            job.created += counts[IngestStatus.CREATED.ordinal()];
            job.updated += counts[IngestStatus.UPDATED.ordinal()];
            job.unchanged += counts[IngestStatus.UNCHANGED.ordinal()];
            job.failed += errors.size();
            job.errors = appendErrors(job.errors, errors);
        });
    }

    private String appendErrors(String stored, List<RowError> errors) {
        try {
            List<Object> all = new ArrayList<>(List.of(mapper.readValue(stored, Object[].class)));
            for (RowError error : errors) {
                if (all.size() < MAX_STORED_ERRORS) {
                    all.add(error);
                }
            }
            return mapper.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(long jobId, ImportJob.State state, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.state = state;
            job.failure = failure;
            job.finishedAt = Instant.now();
        });
    }

    /** The job, for the rep who started it or an admin (404 otherwise). */
    public ImportView view(long jobId, Rep viewer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(jobId);
            if (job == null || viewer != null && viewer.roleEnum() != RepRole.ADMIN && !viewer.id.equals(job.startedBy)) {
                throw ProblemException.notFound("Import", jobId);
            }
            JsonNode errors;
            try {
                errors = mapper.readTree(job.errors);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            int percent = job.sizeBytes == 0 ? 100 : (int) Math.min(100, job.bytesRead * 100 / job.sizeBytes);
            return new ImportView(job.id, job.format, job.fileName, job.state, job.sizeBytes, job.bytesRead, percent, job.rowsRead,
                    job.created, job.updated, job.unchanged, job.failed, errors, job.startedAt, job.finishedAt, job.failure);
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
