package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.cli.Command;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./closeloop import-interactions <file.csv|file.jsonl>}: imports a file of any size
 * (the HTTP upload is limited) as the system, printing progress after every batch and the
 * first row errors at the end. Exit code 0 when every row was stored, 1 otherwise.
 */
@ApplicationScoped
public class ImportCommand implements Command {

    private final BulkImportService imports;

    public ImportCommand(BulkImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "import-interactions";
    }

    @Override
    public String summary() {
        return "import interactions from a CSV or JSONL file, with progress";
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: import-interactions <file.csv|file.jsonl>");
            return 64;
        }
        Path file = Path.of(args[0]);
        ImportFormat format = ImportFormat.ofFileName(file.toString()).orElse(null);
        if (format == null) {
            System.err.println("The file name must end in .csv, .jsonl or .ndjson");
            return 64;
        }
        ImportView done = imports.importNow(file, format, null, p -> System.out.printf(Locale.ROOT,
                "%3d%%  %,d rows: %,d created, %,d updated, %,d unchanged, %,d failed%n", p.percent(), p.rowsRead(), p.created(),
                p.updated(), p.unchanged(), p.failed()));
        if (done.failure() != null) {
            System.err.println("Import failed: " + done.failure());
        }
        done.errors().forEach(e -> System.err.println("line " + e.path("line").asLong() + ": " + e.path("errors")));
        return done.state() == ImportJob.State.DONE && done.failed() == 0 ? 0 : 1;
    }
}
