package io.closeloop.agents.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three data formats, and whole-file rejection naming the line of every bad row. */
@QuarkusTest
class LabelledDataReaderTest {

    @Inject
    LabelledDataReader reader;

    private List<LabelledExample> read(String content, DataFormat format) {
        return reader.read(new StringReader(content), format, "data");
    }

    @Test
    void readsCsvWithATextAndACategoryColumnInAnyOrder() {
        List<LabelledExample> rows = read("category,text\ncard_arrival,\"Where is my card, please?\"\n\nrefund , \" I want my money \"\n",
                DataFormat.CSV);
        assertEquals(List.of(new LabelledExample("Where is my card, please?", "card_arrival"),
                new LabelledExample("I want my money", "refund")), rows);
    }

    @Test
    void readsLabelTabSentenceLinesAsTheEmailRequestsDataSetHasThem() {
        List<LabelledExample> rows = read("Yes\tCan you send me the \"final\" deck?\nNo\tThanks, see you Monday.\n", DataFormat.TSV);
        assertEquals(List.of(new LabelledExample("Can you send me the \"final\" deck?", "Yes"),
                new LabelledExample("Thanks, see you Monday.", "No")), rows);
    }

    @Test
    void readsJsonLines() {
        List<LabelledExample> rows = read("{\"text\":\"hi there\",\"label\":\"greeting\",\"extra\":1}\n\n{\"label\":\"bye\",\"text\":\"ciao\"}",
                DataFormat.JSONL);
        assertEquals(List.of(new LabelledExample("hi there", "greeting"), new LabelledExample("ciao", "bye")), rows);
    }

    @Test
    void rejectsTheWholeFileAndNamesEveryBadLine() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> read("text,label\nfine,ok\n,empty-text\nno label,\nfine again,ok\n", DataFormat.CSV));
        assertEquals(2, e.errors().size());
        assertEquals("data", e.errors().get(0).field());
        assertEquals("line 3 has an empty text", e.errors().get(0).reason());
        assertEquals("line 4 has an empty label", e.errors().get(1).reason());
    }

    @Test
    void rejectsACsvWithoutTextAndLabelColumns() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("sentence,intent\nhello,greet\n", DataFormat.CSV));
        assertTrue(e.errors().get(0).reason().contains("'text' column"), e.getMessage());
    }

    @Test
    void rejectsMalformedJsonLinesAndTsvWithoutTabs() {
        ProblemException json = assertThrows(ProblemException.class,
                () -> read("{\"text\":\"a\",\"label\":\"b\"}\n{not json}\n{\"text\":3,\"label\":\"b\"}\n", DataFormat.JSONL));
        assertEquals(List.of("line 2 is not a JSON object", "line 3 needs string fields 'text' and 'label'"),
                json.errors().stream().map(f -> f.reason()).toList());
        ProblemException tsv = assertThrows(ProblemException.class, () -> read("Yes only spaces here\n", DataFormat.TSV));
        assertEquals("line 1 has no tab between label and text", tsv.errors().get(0).reason());
    }

    @Test
    void rejectsTextsOverTheLimitInsteadOfTruncatingThem() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("label\t" + "x".repeat(4001) + "\n", DataFormat.TSV));
        assertTrue(e.errors().get(0).reason().contains("4001 characters (limit 4000)"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("text,label\n", DataFormat.CSV));
        assertEquals("contains no labelled examples", e.errors().get(0).reason());
    }
}
