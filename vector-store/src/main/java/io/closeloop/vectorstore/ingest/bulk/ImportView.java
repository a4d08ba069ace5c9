package io.closeloop.vectorstore.ingest.bulk;

import java.time.Instant;

/** Progress of an import as the API shows it; {@code errors} is a JSON array of row errors. */
public record ImportView(Long id, ImportFormat format, String fileName, ImportJob.State state, long sizeBytes, long bytesRead,
        int percent, int rowsRead, int created, int updated, int unchanged, int failed,
        com.fasterxml.jackson.databind.JsonNode errors, Instant startedAt, Instant finishedAt, String failure) {
}
