package io.closeloop.agents.classifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads quality cases from CSV: {@code case,train,test,trainer,min_accuracy,max_ece,hold_out}.
 * In the file paths, {@code {data}} stands for the shared data directory; {@code hold_out} lists
 * labels separated by {@code ;} (empty: none).
 */
final class QualityCasesFile {

    private QualityCasesFile() {
    }

    static List<QualityCase> read(Path file, String dataDir) throws IOException, CommandOptions.UsageException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        List<QualityCase> cases = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (CSVRecord row : parser) {
                try {
                    String holdOut = row.get("hold_out");
                    cases.add(new QualityCase(row.get("case"), row.get("train").replace("{data}", dataDir),
                            row.get("test").replace("{data}", dataDir), row.get("trainer").isBlank() ? null : row.get("trainer"),
                            Double.parseDouble(row.get("min_accuracy")), Double.parseDouble(row.get("max_ece")),
                            holdOut.isBlank() ? List.of() : Arrays.stream(holdOut.split(";")).map(String::strip).toList()));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new CommandOptions.UsageException(file + " line " + row.getRecordNumber() + ": " + e.getMessage());
                }
            }
        }
        return cases;
    }
}
