package io.closeloop.actions.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A report: named columns and rows, shown as JSON objects or exported as CSV (Apache Commons CSV). */
public record ReportTable(String name, List<String> columns, List<List<Object>> rows) {

    /** Rows as JSON objects keyed by column. */
    public List<Map<String, Object>> items() {
        return rows.stream().map(row -> {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                item.put(columns.get(i), row.get(i));
            }
            return item;
        }).toList();
    }

    public String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get().print(out)) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
