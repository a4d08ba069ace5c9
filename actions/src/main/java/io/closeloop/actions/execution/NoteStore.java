package io.closeloop.actions.execution;

/**
 * Where notes about an account are kept (the vector store's interactions, so that notes are
 * embedded and retrievable like every other interaction). Implementations must be idempotent
 * by {@code idempotencyKey}.
 */
public interface NoteStore {

    /** Stores the note; returns its reference. */
    String addNote(long accountId, Long authorId, String body, String idempotencyKey);
}
