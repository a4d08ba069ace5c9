package io.closeloop.crm.imports;

import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns an uploaded body into a {@link CsvTable}, refusing the whole file (400 or 413, nothing
 * applied) when it is too large, not UTF-8, empty, not CSV, or lacks a required column. The
 * delimiter is the one of ',', ';' and tab that the header line uses most (spreadsheets in
 * European locales save with ';'); a UTF-8 byte order mark is dropped.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** Reads at most {@code maxBytes}; one byte more and the upload is refused with 413. */
    public static byte[] readBounded(InputStream body, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw ProblemException.tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED, "The upload could not be read: " + e.getMessage(),
                    List.of(new FieldError("body", "could not be read")));
        }
        return out.toByteArray();
    }

    public static CsvTable parse(ImportKind kind, byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ProblemException.invalidField("body", "the file is empty");
        }
        List<CSVRecord> records = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                records.add(record);
            }
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalidField("body", "is not valid CSV: " + e.getMessage());
        }
        List<String> headers = records.isEmpty() ? List.of() : records.remove(0).stream().map(String::strip).toList();
        records.removeIf(CsvTable::isBlank);
        if (records.isEmpty()) {
            throw ProblemException.invalidField("body", "the file has a header but no data rows");
        }
        CsvTable table = new CsvTable(kind, headers, records);
        RequiredColumns.check(table);
        return table;
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ProblemException.invalidField("body", "is not valid UTF-8 (byte " + (in.position() + 1)
                    + "); save the file as CSV UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] { ';', '\t' }) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
