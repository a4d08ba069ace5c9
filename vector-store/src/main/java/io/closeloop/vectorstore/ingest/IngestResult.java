package io.closeloop.vectorstore.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.vectorstore.interaction.MatchMethod;
import java.util.List;

/**
 * The outcome for one interaction of a request, row or message.
 *
 * @param index position in the batch (0-based), or the row/line number of an import
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(int index, String externalId, IngestStatus status, Long interactionId, MatchMethod matchMethod,
        List<FieldError> errors) {

    public static IngestResult rejected(int index, String externalId, List<FieldError> errors) {
        return new IngestResult(index, externalId, IngestStatus.REJECTED, null, null, errors);
    }

    public IngestResult at(int newIndex) {
        return new IngestResult(newIndex, externalId, status, interactionId, matchMethod, errors);
    }

    public boolean stored() {
        return status == IngestStatus.CREATED || status == IngestStatus.UPDATED || status == IngestStatus.UNCHANGED;
    }
}
