package io.closeloop.agents.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./closeloop classifier ...}: exit codes and messages for bad command lines, and a full train/evaluate run. */
@QuarkusTest
class ClassifierCommandTest {

    @Inject
    ClassifierCommand command;

    @Inject
    ObjectMapper json;

    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void tempDir() throws IOException {
        dir = Files.createTempDirectory("classifier-command");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path copy(String resource, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void badCommandLinesExitWithUsageAndSayWhatIsWrong() {
        assertEquals(64, run());
        assertTrue(err().contains("usage:"));
        assertEquals(64, run("fit"));
        assertTrue(err().contains("unknown subcommand 'fit'"), err());
        assertEquals(64, run("train", "--data", "x.csv"));
        assertTrue(err().contains("missing required option --name"), err());
        assertEquals(64, run("train", "--data", "x.csv", "--name"));
        assertTrue(err().contains("option --name needs a value"), err());
        assertEquals(64, run("train", "--data", "x.csv", "--name", "a", "--epochs", "3"));
        assertTrue(err().contains("unknown option --epochs"), err());
        assertEquals(64, run("train", "--data", "x.csv", "--name", "a", "--name", "b"));
        assertTrue(err().contains("given twice"), err());
        assertEquals(64, run("evaluate", "--model", "a", "--data", "x.csv", "--version", "zero"));
        assertTrue(err().contains("--version must be a positive whole number"), err());
        assertEquals(64, run("train", "--data", "data.txt", "--name", "a"));
        assertTrue(err().contains("give --format csv|tsv|jsonl"), err());
        assertEquals(64, run("train", "--data", "x.csv", "--name", "a", "--format", "xml"));
        assertTrue(err().contains("--format must be csv, tsv or jsonl"), err());
        assertEquals(64, run("train", "stray", "--data", "x.csv", "--name", "a"));
        assertTrue(err().contains("unexpected argument 'stray'"), err());
    }

    @Test
    void missingFilesAndModelsExitWithNoInput() throws IOException {
        assertEquals(66, run("train", "--data", dir.resolve("absent.csv").toString(), "--name", "absent"));
        assertTrue(err().contains("cannot read data file"), err());
        Path test = copy("small-test.csv", "test.csv");
        assertEquals(66, run("evaluate", "--model", SmallData.uniqueName("never-trained"), "--data", test.toString()));
        assertTrue(err().contains("does not exist"), err());
    }

    @Test
    void badDataExitsWithDataErrorNamingTheLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "text,label\nfine,a\n,b\n");
        assertEquals(65, run("train", "--data", bad.toString(), "--name", SmallData.uniqueName("bad")));
        assertTrue(err().contains("--data: line 3 has an empty text"), err());
        Path good = copy("small-train.csv", "train.csv");
        assertEquals(65, run("train", "--data", good.toString(), "--name", SmallData.uniqueName("x"), "--trainer", "magic"));
        assertTrue(err().contains("trainer: unknown trainer 'magic'"), err());
    }

    @Test
    void trainsThenEvaluatesFromFilesAndWritesTheReportAsJson() throws IOException {
        String name = SmallData.uniqueName("cli");
        Path train = copy("small-train.csv", "train.csv");
        Path test = copy("small-test.csv", "test.csv");
        Path report = dir.resolve("reports/eval.json");

        assertEquals(0, run("train", "--data", train.toString(), "--name", name, "--trainer", "logistic-sgd"), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("trained " + name + " v1"), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("evaluate", "--model", name, "--data", test.toString(), "--json", report.toString()), err());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("accuracy") && text.contains("coverage-accuracy") && text.contains("top confusions"), text);

        JsonNode written = json.readTree(report.toFile());
        assertEquals(name, written.get("model").asText());
        assertEquals(1, written.get("version").asInt());
        assertEquals(12, written.get("examples").asInt());
        assertTrue(written.get("accuracy").asDouble() > 0.5);
        assertEquals(3, written.get("perClass").size());
        assertEquals(0, run("list", "--name", name));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(name), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void qualityCasesTrainEvaluateMeasureHeldOutIntentsAndFailBelowTheirThresholds() throws IOException {
        Path train = copy("small-train.csv", "train.csv");
        Path test = copy("small-test.csv", "test.csv");
        String easy = SmallData.uniqueName("quality-easy");
        String strict = SmallData.uniqueName("quality-strict");
        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, "# a comment line\ncase,train,test,trainer,min_accuracy,max_ece,hold_out\n"
                + easy + ",{data}/train.csv,{data}/test.csv,logistic-liblinear,0.5,1.0,technical\n"
                + strict + ",{data}/train.csv,{data}/test.csv,,1.01,1.0,\n");
        Path reports = dir.resolve("reports");

        assertEquals(1, run("quality", "--cases", cases.toString(), "--data-dir", dir.toString(), "--json-dir", reports.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("PASS " + easy) && text.contains("FAIL " + strict) && text.contains("below 1.0100"), text);
        assertTrue(err().contains("1 of 2 case(s) failed"), err());

        JsonNode result = json.readTree(reports.resolve(easy + ".bge-small-en-v15-q.json").toFile());
        assertEquals(4, result.get("outOfScopeQueries").asInt(), "the four technical test texts are out of scope");
        assertEquals(8, result.get("test").get("examples").asInt(), "in-scope evaluation excludes them");
        assertEquals(2, result.get("test").get("perClass").size());
        JsonNode first = result.get("outOfScope").get(0);
        assertEquals(0.0, first.get("threshold").asDouble());
        assertEquals(0.0, first.get("outOfScopeDetected").asDouble(), "nothing is below a threshold of 0");
        JsonNode last = result.get("outOfScope").get(result.get("outOfScope").size() - 1);
        assertTrue(last.get("outOfScopeDetected").asDouble() >= first.get("outOfScopeDetected").asDouble());

        assertEquals(64, run("quality", "--cases", cases.toString(), "--only", "nope"));
        assertTrue(err().contains("no case named 'nope'"), err());
    }
}
