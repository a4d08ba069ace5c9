package io.closeloop.agents.classifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.kernel.cli.Command;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./closeloop classifier train|evaluate|list}: the embedding classifiers from the command
 * line. Exit codes follow sysexits: 0 done, 64 bad command line, 65 bad data, 66 missing input.
 */
@ApplicationScoped
public class ClassifierCommand implements Command {

    static final int OK = 0;
    static final int USAGE = 64;
    static final int DATA_ERROR = 65;
    static final int NO_INPUT = 66;

    static final String USAGE_TEXT = """
            usage:
              classifier train --data FILE --name NAME [--trainer %s] [--format csv|tsv|jsonl] [--json OUT]
              classifier evaluate --model NAME [--version N] --data FILE [--format csv|tsv|jsonl] [--json OUT]
              classifier list [--name NAME]
              classifier quality --cases FILE [--data-dir DIR] [--json-dir DIR] [--only CASE]
                (data-driven evaluation: train and test each case, check its thresholds; exit 1 if one fails)
            FILE is CSV with a header naming 'text' and 'label' (or 'category'), label<TAB>text TSV, or JSONL
            with 'text' and 'label'; the format follows the file extension unless --format is given.""";

    static final int FAILED = 1;

    private final ClassifierService classifiers;
    private final ClassifierQuality quality;
    private final LabelledDataReader reader;
    private final ObjectMapper json;

    public ClassifierCommand(ClassifierService classifiers, ClassifierQuality quality, LabelledDataReader reader, ObjectMapper json) {
        this.classifiers = classifiers;
        this.quality = quality;
        this.reader = reader;
        this.json = json;
    }

    @Override
    public String name() {
        return "classifier";
    }

    @Override
    public String summary() {
        return "train, evaluate and list the embedding classifiers";
    }

    @Override
    public int run(String... args) {
        return run(System.out, System.err, args);
    }

    int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0) {
            err.println(usage());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "train" -> train(out, CommandOptions.parse(rest, Set.of("data", "name", "trainer", "format", "json"), Set.of("data", "name")));
                case "evaluate" -> evaluate(out, CommandOptions.parse(rest, Set.of("model", "version", "data", "format", "json"), Set.of("model", "data")));
                case "quality" -> quality(out, err, CommandOptions.parse(rest, Set.of("cases", "data-dir", "json-dir", "only"), Set.of("cases")));
                case "list" -> list(out, CommandOptions.parse(rest, Set.of("name"), Set.of()));
                case "help", "--help" -> {
                    out.println(usage());
                    yield OK;
                }
                default -> throw new CommandOptions.UsageException("unknown subcommand '" + args[0] + "'");
            };
        } catch (CommandOptions.UsageException e) {
            err.println("classifier: " + e.getMessage());
            err.println(usage());
            return USAGE;
        } catch (NoInputException e) {
            err.println("classifier: " + e.getMessage());
            return NO_INPUT;
        } catch (ProblemException e) {
            err.println("classifier: " + e.getMessage());
            for (FieldError error : e.errors()) {
                err.println("  " + error.field() + ": " + error.reason());
            }
            return e.type() == ProblemType.NOT_FOUND ? NO_INPUT : DATA_ERROR;
        }
    }

    private int train(PrintStream out, CommandOptions options) throws CommandOptions.UsageException, NoInputException {
        List<LabelledExample> examples = read(options);
        ClassifierService.TrainedVersion trained = classifiers.train(options.get("name"), examples, options.get("trainer"),
                "cli:" + System.getProperty("user.name", "unknown"));
        ModelInfo model = trained.model();
        out.printf(Locale.ROOT, "trained %s v%d: %d examples, %d labels, trainer %s, embedding %s, temperature %.3f%n",
                model.name(), model.version(), model.trainingExamples(), model.labels().size(), model.trainer(),
                model.embeddingModel(), model.temperature());
        out.println("validation split (" + model.validationExamples() + " examples held out, model retrained on all):");
        out.println(trained.validation().toText());
        writeJson(options, trained.validation());
        return OK;
    }

    private int evaluate(PrintStream out, CommandOptions options) throws CommandOptions.UsageException, NoInputException {
        Integer version = options.integer("version");
        List<LabelledExample> examples = read(options);
        EvaluationReport report = classifiers.evaluate(options.get("model"), version, examples);
        out.println(report.toText());
        writeJson(options, report);
        return OK;
    }

    private int quality(PrintStream out, PrintStream err, CommandOptions options) throws CommandOptions.UsageException, NoInputException {
        Path casesFile = Path.of(options.get("cases"));
        List<QualityCase> cases;
        try {
            cases = QualityCasesFile.read(casesFile, options.get("data-dir") == null ? "../shared/data" : options.get("data-dir"));
        } catch (IOException e) {
            throw new NoInputException("cannot read cases file '" + casesFile + "': " + e.getMessage());
        }
        if (options.get("only") != null) {
            cases = cases.stream().filter(c -> c.name().equals(options.get("only"))).toList();
            if (cases.isEmpty()) {
                throw new CommandOptions.UsageException("no case named '" + options.get("only") + "' in " + casesFile);
            }
        }
        int failed = 0;
        for (QualityCase qualityCase : cases) {
            List<LabelledExample> train = readFile(Path.of(qualityCase.train()), null);
            List<LabelledExample> test = readFile(Path.of(qualityCase.test()), null);
            QualityResult result = quality.run(qualityCase, train, test);
            out.println(result.test().toText());
            if (!result.outOfScope().isEmpty()) {
                out.printf("out of scope: %d queries of held-out intents %s%n  threshold  detected  in-scope coverage  in-scope accuracy%n",
                        result.outOfScopeQueries(), qualityCase.holdOut());
                result.outOfScope().forEach(p -> out.printf(Locale.ROOT, "  %9.2f  %8.4f  %17.4f  %17.4f%n", p.threshold(),
                        p.outOfScopeDetected(), p.inScopeCoverage(), p.inScopeAccuracy()));
            }
            out.printf(Locale.ROOT, "%s %s: accuracy %.4f, macro-F1 %.4f, ECE %.4f (train %d ms, evaluate %d ms)%s%n%n",
                    result.passed() ? "PASS" : "FAIL", qualityCase.name(), result.test().accuracy(), result.test().macroF1(),
                    result.test().expectedCalibrationError(), result.trainMillis(), result.evaluateMillis(),
                    result.passed() ? "" : " - " + String.join("; ", result.failures()));
            if (!result.passed()) {
                failed++;
            }
            if (options.get("json-dir") != null) {
                write(Path.of(options.get("json-dir"), qualityCase.name() + "." + result.test().embeddingModel() + ".json"), result);
            }
        }
        if (failed > 0) {
            err.println("classifier quality: " + failed + " of " + cases.size() + " case(s) failed");
            return FAILED;
        }
        return OK;
    }

    private int list(PrintStream out, CommandOptions options) {
        List<ModelInfo> models = options.get("name") == null ? classifiers.latest() : classifiers.versions(options.get("name"));
        out.printf("%-32s %7s %-20s %-20s %8s %7s  %s%n", "name", "version", "trainer", "embedding", "examples", "labels", "created");
        for (ModelInfo m : models) {
            out.printf(Locale.ROOT, "%-32s %7d %-20s %-20s %8d %7d  %s%n", m.name(), m.version(), m.trainer(), m.embeddingModel(),
                    m.trainingExamples(), m.labels().size(), m.createdAt());
        }
        return OK;
    }

    private List<LabelledExample> read(CommandOptions options) throws CommandOptions.UsageException, NoInputException {
        return readFile(Path.of(options.get("data")), options.get("format"));
    }

    private List<LabelledExample> readFile(Path file, String formatOption) throws CommandOptions.UsageException, NoInputException {
        CommandOptions options = CommandOptions.of("format", formatOption);
        DataFormat format = options.get("format") != null ? DataFormat.parse(options.get("format")) : DataFormat.ofFileName(file.toString());
        if (format == null) {
            throw new CommandOptions.UsageException(options.get("format") != null
                    ? "option --format must be csv, tsv or jsonl, not '" + options.get("format") + "'"
                    : "cannot tell the format of '" + file + "' from its extension; give --format csv|tsv|jsonl");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new NoInputException("cannot read data file '" + file + "'");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.read(in, format, "--data");
        } catch (IOException e) {
            throw new NoInputException("cannot read data file '" + file + "': " + e.getMessage());
        }
    }

    private void writeJson(CommandOptions options, EvaluationReport report) throws NoInputException {
        if (options.get("json") != null) {
            write(Path.of(options.get("json")), report);
        }
    }

    private void write(Path path, Object report) throws NoInputException {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NoInputException("cannot write the JSON report to '" + path + "': " + e.getMessage());
        }
    }

    private static String usage() {
        return USAGE_TEXT.formatted(String.join("|", Arrays.stream(TrainerKind.values()).map(TrainerKind::id).toList()));
    }

    /** A file that is not there or cannot be read or written. */
    static final class NoInputException extends Exception {
        NoInputException(String message) {
            super(message);
        }
    }
}
