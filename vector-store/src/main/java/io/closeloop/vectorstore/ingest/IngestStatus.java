package io.closeloop.vectorstore.ingest;

/** What ingesting one interaction did. */
public enum IngestStatus {
    /** New: stored and embedded. */
    CREATED,
    /** Known external id with changed content: stored again, re-embedded when its text changed. */
    UPDATED,
    /** Known external id, same content: nothing written (idempotent repeat). */
    UNCHANGED,
    /** Bad input: nothing written; the errors say why. */
    REJECTED,
    /** Valid, but storing it failed; nothing of it written. */
    FAILED
}
