package io.closeloop.agents.classifier;

import java.util.Locale;

/** The labelled data formats a classifier trains and evaluates on. */
public enum DataFormat {
    /** Comma-separated with a header; the text column is {@code text}, the label column {@code label}, {@code category} or {@code intent}. */
    CSV,
    /** {@code label<TAB>text} per line, no header (the layout of the email-requests data set). */
    TSV,
    /** One JSON object per line with {@code text} and {@code label}. */
    JSONL;

    /** The format a file name implies: {@code .csv}, {@code .tsv}, {@code .jsonl} / {@code .ndjson}. */
    public static DataFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".tsv")) {
            return TSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        return null;
    }

    /** Parses {@code csv}, {@code tsv} or {@code jsonl}; null when it is none of them. */
    public static DataFormat parse(String value) {
        if (value == null) {
            return null;
        }
        for (DataFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        return null;
    }
}
