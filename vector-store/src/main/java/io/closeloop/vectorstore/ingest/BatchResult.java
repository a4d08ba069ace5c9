package io.closeloop.vectorstore.ingest;

import java.util.List;

/** The outcome of a batch: counts, and one result per item in the order sent. */
public record BatchResult(int received, int created, int updated, int unchanged, int rejected, int failed, List<IngestResult> results) {

    public static BatchResult of(List<IngestResult> results) {
        return new BatchResult(results.size(), count(results, IngestStatus.CREATED), count(results, IngestStatus.UPDATED),
                count(results, IngestStatus.UNCHANGED), count(results, IngestStatus.REJECTED), count(results, IngestStatus.FAILED),
                results);
    }

    private static int count(List<IngestResult> results, IngestStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
