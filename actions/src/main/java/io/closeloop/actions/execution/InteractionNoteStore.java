package io.closeloop.actions.execution;

import io.closeloop.crm.rep.Rep;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Notes as interactions of channel NOTE (direction INTERNAL) on the account, through the vector
 * store's one ingestion pipeline (validated, chunked, embedded, stored in its own transaction).
 * The external id is {@code closeloop-note:<idempotency key>} and every field is fixed by the
 * action, so a retried execution finds the interaction already stored (UNCHANGED) and returns
 * the same reference instead of adding a second one.
 */
@ApplicationScoped
public class InteractionNoteStore implements NoteStore {

    public static final String SOURCE = "closeloop-actions";

    private final IngestionPipeline pipeline;

    public InteractionNoteStore(IngestionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String addNote(long accountId, Long authorId, String body, Instant occurredAt, String idempotencyKey) {
        Rep author = authorId == null ? null : Rep.findById(authorId);
        InteractionInput note = new InteractionInput("closeloop-note:" + idempotencyKey, SOURCE, "NOTE", "INTERNAL", occurredAt.toString(),
                accountId, null, null, null, body, null, author == null ? null : author.email, author == null ? null : author.fullName,
                List.of(), null);
        IngestResult result = pipeline.ingestOne(note, IngestPath.API, author);
        if (!result.stored()) {
            throw new PermanentFailure("The note was refused by the vector store: " + (result.errors() == null ? result.status()
                    : result.errors().stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "))));
        }
        return "interaction:" + result.interactionId();
    }
}
