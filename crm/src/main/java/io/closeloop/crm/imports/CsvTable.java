package io.closeloop.crm.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** A parsed CSV file of one kind: its header, which field each column means, and the data rows. */
public final class CsvTable {

    private final ImportKind kind;
    private final List<String> headers;
    private final List<Optional<ImportField>> fields;
    private final List<CSVRecord> records;

    CsvTable(ImportKind kind, List<String> headers, List<CSVRecord> records) {
        this.kind = kind;
        this.headers = List.copyOf(headers);
        this.fields = headers.stream().map(h -> ImportColumns.field(kind, h)).toList();
        this.records = records;
    }

    public ImportKind kind() {
        return kind;
    }

    public int width() {
        return headers.size();
    }

    public List<CSVRecord> records() {
        return records;
    }

    /** The fields some column of the file means. */
    public Set<ImportField> fields() {
        Set<ImportField> present = EnumSet.noneOf(ImportField.class);
        fields.forEach(f -> f.ifPresent(present::add));
        return present;
    }

    /** Headers the import does not understand; their values are not imported. */
    public List<String> ignoredColumns() {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (fields.get(i).isEmpty() && !headers.get(i).isBlank()) {
                ignored.add(headers.get(i));
            }
        }
        return ignored;
    }

    public static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(v -> v == null || v.isBlank());
    }

    /** The row by field: the first non-blank cell among the columns meaning each field. */
    public ImportRow row(CSVRecord record, long number) {
        Map<ImportField, String> values = new EnumMap<>(ImportField.class);
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        for (int i = 0; i < headers.size() && i < record.size(); i++) {
            Optional<ImportField> field = fields.get(i);
            if (field.isEmpty()) {
                continue;
            }
            String value = record.get(i).strip();
            columns.putIfAbsent(field.get(), headers.get(i));
            if (!value.isEmpty() && !values.containsKey(field.get())) {
                values.put(field.get(), value);
                columns.put(field.get(), headers.get(i));
            }
        }
        return new ImportRow(number, values, columns);
    }
}
