package io.closeloop.crm.imports;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.kernel.problem.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Applies a parsed CSV file row by row, each row in its own transaction: a row is stored whole
 * or not at all, and a bad row never stops or undoes the others. Returns the report.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final AccountScope scope;
    private final Map<ImportKind, RowImporter> importers = new EnumMap<>(ImportKind.class);

    ImportService(AccountScope scope, AccountImporter accounts, ContactImporter contacts, DealImporter deals) {
        this.scope = scope;
        for (RowImporter importer : List.of(accounts, contacts, deals)) {
            importers.put(importer.kind(), importer);
        }
    }

    @WithSpan("closeloop.crm.import")
    public ImportReport importTable(CsvTable table, long actorId, DateOrder dateOrder) {
        long started = System.nanoTime();
        RowImporter importer = importers.get(table.kind());
        ImportRun run = new ImportRun(scope, actorId, dateOrder);
        ImportReport.Builder report = new ImportReport.Builder(table.kind(), table.ignoredColumns());
        for (CSVRecord record : table.records()) {
            // The header is row 1 and each record (even one spanning lines) is one spreadsheet row.
            long number = record.getRecordNumber();
            if (record.size() != table.width()) {
                report.rejected(number, "row", "has " + record.size() + " values but the header has " + table.width() + " columns");
                continue;
            }
            ImportRow row = table.row(record, number);
            try {
                RowOutcome outcome = QuarkusTransaction.requiringNew().call(() -> importer.apply(row, run));
                run.wrote(outcome.id(), number);
                report.applied(number, outcome);
            } catch (RowRejected e) {
                report.rejected(number, e.column(), e.reason());
            } catch (ProblemException e) {
                String column = e.errors().isEmpty() ? "row" : e.errors().get(0).field();
                report.rejected(number, column, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Import of %s row %d could not be stored", table.kind().path(), number);
                report.rejected(number, "row", "could not be stored (" + rootCause(e) + "); nothing of this row was saved");
            }
        }
        ImportReport result = report.build();
        Span.current().setAttribute("closeloop.import.kind", table.kind().path())
                .setAttribute("closeloop.import.rows", result.rows())
                .setAttribute("closeloop.import.rejected", result.rejected());
        LOG.infof("Import of %s by rep %d: %d rows, %d created, %d updated, %d unchanged, %d rejected in %d ms",
                table.kind().path(), actorId, result.rows(), result.created(), result.updated(), result.unchanged(),
                result.rejected(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
