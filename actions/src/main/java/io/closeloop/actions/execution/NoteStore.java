package io.closeloop.actions.execution;

import java.time.Instant;

/**
 * Where notes about an account are kept: the vector store's interactions ({@link InteractionNoteStore}),
 * so that notes are embedded and retrievable like every other interaction. Idempotent by
 * {@code idempotencyKey}: storing the same note again returns the same reference.
 */
public interface NoteStore {

    /** Stores the note; returns its reference. */
    String addNote(long accountId, Long authorId, String body, Instant occurredAt, String idempotencyKey);
}
