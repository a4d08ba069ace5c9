package io.closeloop.vectorstore.ingest;

import io.closeloop.kernel.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: bad bytes are reported with their offset, never silently replaced. */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or a 400 problem on {@code field} naming the offset of the first invalid byte. */
    public static String decode(byte[] bytes, int offset, int length, String field) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw ProblemException.invalidField(field, "is not valid UTF-8 (invalid byte at offset " + (in.position() - offset) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    public static String decode(byte[] bytes, String field) {
        return decode(bytes, 0, bytes.length, field);
    }
}
