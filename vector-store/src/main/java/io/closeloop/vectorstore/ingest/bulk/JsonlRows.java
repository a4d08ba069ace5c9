package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.ingest.InteractionJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** JSON Lines: one interaction object per line; blank lines are skipped. */
final class JsonlRows implements RowSource {

    private final Utf8Lines lines;
    private final InteractionJson json;

    JsonlRows(InputStream in, InteractionJson json) {
        this.lines = new Utf8Lines(in);
        this.json = json;
    }

    @Override
    public Row next() throws IOException {
        Utf8Lines.Line line;
        do {
            line = lines.nextLine();
            if (line == null) {
                return null;
            }
        } while (line.error() == null && line.text().isBlank());
        if (line.error() != null) {
            return new Row(line.number(), null, List.of(new FieldError("line", line.error())));
        }
        try {
            return new Row(line.number(), json.item(json.tree(line.text(), "line"), "line"), List.of());
        } catch (ProblemException e) {
            return new Row(line.number(), null, e.errors());
        }
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
