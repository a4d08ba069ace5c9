package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.interaction.InteractionInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row (Apache Commons CSV). Columns are the fields of {@link InteractionInput},
 * matched without regard to case, '_' or '-' ({@code external_id} is {@code externalId});
 * {@code toEmails} holds addresses separated by ';'. A row with the wrong number of fields, a bad
 * number or invalid UTF-8 fails alone; broken quoting ends the file, reported at its line.
 */
final class CsvRows implements RowSource {

    static final List<String> COLUMNS = List.of("externalId", "source", "channel", "direction", "occurredAt", "accountId",
            "contactId", "dealId", "subject", "body", "threadId", "fromEmail", "fromName", "toEmails", "companyName");

    private final Utf8Lines lines;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int headerSize;
    private boolean broken;

    CsvRows(InputStream in) throws IOException {
        this.lines = new Utf8Lines(in);
        this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(false)
                .setIgnoreEmptyLines(true).get().parse(lines);
        List<String> header = parser.getHeaderNames();
        this.headerSize = header.size();
        for (int i = 0; i < header.size(); i++) {
            String key = normal(header.get(i));
            COLUMNS.stream().filter(c -> normal(c).equals(key)).findFirst().ifPresent(c -> columns.put(c, headerIndex(header, key)));
        }
        for (String required : List.of("externalId", "body")) {
            if (!columns.containsKey(required)) {
                throw ProblemException.invalidField("header", "has no " + required + " column (columns: " + String.join(", ", COLUMNS) + ")");
            }
        }
        this.records = parser.iterator();
    }

    private static int headerIndex(List<String> header, String key) {
        for (int i = 0; i < header.size(); i++) {
            if (normal(header.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    @Override
    public Row next() throws IOException {
        if (broken) {
            return null;
        }
        long firstLine = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            return new Row(firstLine, null, List.of(new FieldError("row", "malformed CSV, the rest of the file cannot be read: "
                    + String.valueOf(e.getMessage()).split("\n")[0])));
        }
        long lastLine = parser.getCurrentLineNumber();
        if (lines.invalidBetween(firstLine, lastLine)) {
            return new Row(firstLine, null, List.of(new FieldError("row", "is not valid UTF-8")));
        }
        if (record.size() != headerSize) {
            return new Row(firstLine, null, List.of(new FieldError("row", "has " + record.size() + " fields, the header has " + headerSize)));
        }
        List<FieldError> errors = new ArrayList<>();
        InteractionInput input = new InteractionInput(text(record, "externalId"), text(record, "source"), text(record, "channel"),
                text(record, "direction"), text(record, "occurredAt"), number(record, "accountId", errors),
                number(record, "contactId", errors), number(record, "dealId", errors), text(record, "subject"), text(record, "body"),
                text(record, "threadId"), text(record, "fromEmail"), text(record, "fromName"), emails(text(record, "toEmails")),
                text(record, "companyName"));
        return errors.isEmpty() ? new Row(firstLine, input, List.of()) : new Row(firstLine, null, errors);
    }

    private String text(CSVRecord record, String column) {
        Integer index = columns.get(column);
        if (index == null || index < 0) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isEmpty() ? null : value;
    }

    private Long number(CSVRecord record, String column, List<FieldError> errors) {
        String value = text(record, column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "is not a number"));
            return null;
        }
    }

    private static List<String> emails(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
