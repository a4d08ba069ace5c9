package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.problem.FieldError;
import io.closeloop.vectorstore.interaction.InteractionInput;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of an import file, one at a time; a row that cannot be read carries its errors instead. */
interface RowSource extends Closeable {

    record Row(long line, InteractionInput input, List<FieldError> errors) {
    }

    /** The next row, or null at the end of the file. */
    Row next() throws IOException;

    long bytesRead();
}
