package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.problem.FieldError;
import java.util.List;

/** Why one row (CSV) or line (JSONL) of an import was not stored; {@code line} is the file's line number. */
public record RowError(long line, String externalId, List<FieldError> errors) {
}
