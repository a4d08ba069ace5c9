package io.closeloop.agents.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled data sets (CSV, TSV, JSONL; see {@link DataFormat}) with Commons CSV and Jackson.
 * A data set is read whole or rejected whole: every bad row is reported as a problem naming the
 * field and the line, and nothing is trained on a partly read file.
 */
@ApplicationScoped
public class LabelledDataReader {

    private static final int MAX_REPORTED_ERRORS = 20;
    private static final List<String> LABEL_COLUMNS = List.of("label", "category", "intent");

    private final ObjectMapper json;
    private final ClassifierConfig config;

    public LabelledDataReader(ObjectMapper json, ClassifierConfig config) {
        this.json = json;
        this.config = config;
    }

    /**
     * @param field the input field the data came from, named in every error ({@code data}, {@code --data})
     */
    public List<LabelledExample> read(Reader reader, DataFormat format, String field) {
        Rows rows = new Rows(field, config.maxTextLength());
        try {
            switch (format) {
                case CSV -> readCsv(reader, rows);
                case TSV -> readTsv(reader, rows);
                case JSONL -> readJsonl(reader, rows);
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalidField(field, "cannot be read as " + format + ": " + e.getMessage());
        }
        return rows.result();
    }

    private void readCsv(Reader reader, Rows rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(reader)) {
            Map<String, Integer> header = lowerCase(parser.getHeaderMap());
            Integer text = header.get("text");
            Integer label = LABEL_COLUMNS.stream().map(header::get).filter(i -> i != null).findFirst().orElse(null);
            if (text == null || label == null) {
                throw ProblemException.invalidField(rows.field, "the CSV header must name a 'text' column and a 'label' (or 'category', 'intent') column; found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    rows.reject(line, "has " + record.size() + " columns, the header has " + header.size());
                    continue;
                }
                rows.add(line, record.get(text), record.get(label));
            }
        }
    }

    private void readTsv(Reader reader, Rows rows) throws IOException {
        forEachLine(reader, (row, line) -> {
            int tab = row.indexOf('\t');
            if (tab < 0) {
                rows.reject(line, "has no tab between label and text");
            } else {
                rows.add(line, row.substring(tab + 1), row.substring(0, tab));
            }
        });
    }

    private void readJsonl(Reader reader, Rows rows) throws IOException {
        forEachLine(reader, (row, line) -> {
            JsonNode node;
            try {
                node = json.readTree(row);
            } catch (IOException e) {
                rows.reject(line, "is not a JSON object");
                return;
            }
            if (node == null || !node.isObject() || !node.path("text").isTextual() || !node.path("label").isTextual()) {
                rows.reject(line, "needs string fields 'text' and 'label'");
            } else {
                rows.add(line, node.get("text").asText(), node.get("label").asText());
            }
        });
    }

    /** Calls {@code handler} with the 1-based number and text of every non-blank line. */
    private static void forEachLine(Reader reader, java.util.function.ObjLongConsumer<String> handler) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String row;
        long line = 0;
        while ((row = lines.readLine()) != null) {
            line++;
            if (!row.isBlank()) {
                handler.accept(row, line);
            }
        }
    }

    private static Map<String, Integer> lowerCase(Map<String, Integer> header) {
        Map<String, Integer> lower = new java.util.HashMap<>();
        header.forEach((name, index) -> lower.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), index));
        return lower;
    }

    /** Collects rows and the reasons rows were rejected. */
    private static final class Rows {
        final String field;
        final int maxTextLength;
        final List<LabelledExample> examples = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        long rejected;

        Rows(String field, int maxTextLength) {
            this.field = field;
            this.maxTextLength = maxTextLength;
        }

        void add(long line, String text, String label) {
            String cleanText = text == null ? "" : text.strip();
            String cleanLabel = label == null ? "" : label.strip();
            if (cleanText.isEmpty()) {
                reject(line, "has an empty text");
            } else if (cleanLabel.isEmpty()) {
                reject(line, "has an empty label");
            } else if (cleanText.length() > maxTextLength) {
                reject(line, "has a text of " + cleanText.length() + " characters (limit " + maxTextLength + ")");
            } else {
                examples.add(new LabelledExample(cleanText, cleanLabel));
            }
        }

        void reject(long line, String reason) {
            rejected++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(new FieldError(field, "line " + line + " " + reason));
            }
        }

        List<LabelledExample> result() {
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, field + ": " + rejected + " row(s) rejected; first: "
                        + errors.get(0).reason(), errors);
            }
            if (examples.isEmpty()) {
                throw ProblemException.invalidField(field, "contains no labelled examples");
            }
            return List.copyOf(examples);
        }
    }
}
