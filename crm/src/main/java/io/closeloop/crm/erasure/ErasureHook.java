package io.closeloop.crm.erasure;

import java.time.Instant;
import java.util.Map;

/**
 * Implemented by every layer that keeps data about contacts and accounts outside the CRM tables
 * (vector store: interactions, chunks, embeddings; agents, guardrails, actions: drafts, feedback,
 * verdict text). {@link ErasureService} calls every hook inside the erasure transaction, before
 * the CRM rows are deleted, so an erasure is complete or not at all.
 */
public interface ErasureHook {

    /** A stable name for the erasure record, e.g. {@code vector-store}. */
    String part();

    /**
     * Deletes or redacts (with {@link Redaction}) what this part holds about the subject. Counts of
     * rows stay where they are reports' inputs; only the text that identifies the person goes.
     *
     * @return what was done, by kind, e.g. {@code interactions.deleted=12}
     */
    Map<String, Long> erase(ErasureSubject subject);

    /** Purges interactions (and what derives from them) older than {@code cutoff}; most parts hold none. */
    default Map<String, Long> purgeBefore(Instant cutoff) {
        return Map.of();
    }
}
