package io.closeloop.vectorstore.ingest.bulk;

import java.util.Locale;
import java.util.Optional;

/** The file formats of a bulk import. */
public enum ImportFormat {
    /** Comma-separated, a header row naming the fields of {@code InteractionInput}; toEmails separated by ';'. */
    CSV,
    /** One interaction JSON object per line (JSON Lines / NDJSON). */
    JSONL;

    public static Optional<ImportFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Optional.of(CSV);
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl") || type.startsWith("application/x-jsonlines")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }

    public static Optional<ImportFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") ? Optional.of(CSV)
                : lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? Optional.of(JSONL) : Optional.empty();
    }
}
