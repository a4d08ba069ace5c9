package io.closeloop.agents.classifier;

import io.closeloop.crm.CrmFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small three-label data set of the classifier tests (billing, shipping, technical), and unique model names. */
final class SmallData {

    private SmallData() {
    }

    static List<LabelledExample> train(LabelledDataReader reader) {
        return read(reader, "small-train.csv");
    }

    static List<LabelledExample> test(LabelledDataReader reader) {
        return read(reader, "small-test.csv");
    }

    /** A model name no earlier test run has used. */
    static String uniqueName(String prefix) {
        return CrmFixtures.unique(prefix).toLowerCase();
    }

    private static List<LabelledExample> read(LabelledDataReader reader, String resource) {
        try (InputStream in = SmallData.class.getResourceAsStream(resource)) {
            return reader.read(new InputStreamReader(in, StandardCharsets.UTF_8), DataFormat.CSV, "data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
