package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.ingest.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a file line by line, decoding each line strictly as UTF-8: a line with invalid bytes is
 * remembered (and handed on as a replacement character) so that only its row fails, not the whole file.
 * Also a {@link Reader} of the decoded text, for the CSV parser. Counts bytes for progress.
 */
final class Utf8Lines extends Reader {

    /** A decoded line; {@code error} is set when its bytes were not UTF-8. */
    record Line(long number, String text, String error) {
    }

    private final InputStream in;
    private final Set<Long> invalid = new HashSet<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private long lineNumber;
    private long bytesRead;
    private String pending = "";
    private int pendingPos;
    private boolean eof;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end. */
    Line nextLine() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        int b;
        while ((b = in.read()) != -1) {
            bytesRead++;
            if (b == '\n') {
                break;
            }
            buffer.write(b);
        }
        if (b == -1) {
            eof = true;
            if (buffer.size() == 0) {
                return null;
            }
        }
        lineNumber++;
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (lineNumber == 1 && length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return decoded(bytes, 3, length - 3);
        }
        return decoded(bytes, 0, length);
    }

    private Line decoded(byte[] bytes, int offset, int length) {
        try {
            return new Line(lineNumber, Utf8.decode(bytes, offset, length, "line " + lineNumber), null);
        } catch (ProblemException e) {
            invalid.add(lineNumber);
            return new Line(lineNumber, "\uFFFD", e.errors().get(0).reason()); // not empty: a CSV parser would skip an empty line
        }
    }

    boolean invalidBetween(long fromLine, long toLine) {
        for (long l = fromLine; l <= toLine; l++) {
            if (invalid.contains(l)) {
                return true;
            }
        }
        return false;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] chars, int off, int len) throws IOException {
        while (pendingPos >= pending.length()) {
            Line line = nextLine();
            if (line == null) {
                return -1;
            }
            pending = line.text() + "\n";
            pendingPos = 0;
        }
        int n = Math.min(len, pending.length() - pendingPos);
        pending.getChars(pendingPos, pendingPos + n, chars, off);
        pendingPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
