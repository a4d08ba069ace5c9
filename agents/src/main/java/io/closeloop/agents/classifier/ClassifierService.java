package io.closeloop.agents.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Trains, stores, evaluates and serves embedding classifiers by name. The building block of the
 * small agents: the router's intent classifier and the action loop's request detector are
 * instances of it.
 */
@ApplicationScoped
public class ClassifierService {

    /** Lower-case letters, digits, dot, dash and underscore; 1 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final Logger LOG = Logger.getLogger(ClassifierService.class);

    private final EmbeddingCache embeddings;
    private final ClassifierRegistry registry;
    private final ClassifierEvaluator evaluator;
    private final ClassifierConfig config;
    private final ObjectMapper json;

    public ClassifierService(EmbeddingCache embeddings, ClassifierRegistry registry, ClassifierEvaluator evaluator,
            ClassifierConfig config, ObjectMapper json) {
        this.embeddings = embeddings;
        this.registry = registry;
        this.evaluator = evaluator;
        this.config = config;
        this.json = json;
    }

    /** Trains the next version of {@code name} on the examples and stores it with its validation metrics. */
    public TrainedVersion train(String name, List<LabelledExample> examples, String trainerId, String createdBy) {
        checkName(name);
        TrainerKind kind = trainer(trainerId);
        checkTrainable(examples);
        long started = System.nanoTime();
        List<float[]> vectors = embeddings.embedAll(examples.stream().map(LabelledExample::text).toList());
        long embedded = System.nanoTime();
        ClassifierTraining.Result result = new ClassifierTraining(config).train(kind, examples, vectors);
        long trained = System.nanoTime();
        List<ClassifierEvaluator.Scored> scored = new ArrayList<>();
        for (int i : result.validation()) {
            scored.add(new ClassifierEvaluator.Scored(examples.get(i).label(), result.validationClassifier().classify(vectors.get(i))));
        }
        ModelInfo draft = new ModelInfo(null, name, null, kind.id(), embeddings.modelName(), result.classifier().labels(),
                result.classifier().temperature(), examples.size(), scored.size(), null, createdBy, null);
        EvaluationReport validation = evaluator.evaluate(draft, result.validationClassifier(), scored);

        ClassifierModel model = new ClassifierModel();
        model.name = name;
        model.trainer = kind.id();
        model.embeddingModel = embeddings.modelName();
        model.labels = result.classifier().labels().toArray(String[]::new);
        model.temperature = result.classifier().temperature();
        model.trainingExamples = examples.size();
        model.validationExamples = scored.size();
        model.dataSha256 = EmbeddingCache.sha256Hex(examples);
        model.metrics = toJson(validation);
        model.model = result.classifier().modelBytes();
        model.createdBy = createdBy;
        ModelInfo saved = registry.save(model);
        LOG.infof("classifier %s v%d trained (%s, %d examples, %d labels): embed %d ms, train %d ms, validation accuracy %.4f",
                name, saved.version(), kind.id(), examples.size(), saved.labels().size(), (embedded - started) / 1_000_000,
                (trained - embedded) / 1_000_000, validation.accuracy());
        return new TrainedVersion(saved, validation);
    }

    /** A stored version and the report on its validation split. */
    public record TrainedVersion(ModelInfo model, EvaluationReport validation) {
    }

    /** Evaluates a stored version (latest when {@code version} is null) on a labelled data set. */
    public EvaluationReport evaluate(String name, Integer version, List<LabelledExample> examples) {
        ClassifierRegistry.Loaded loaded = servable(name, version);
        List<float[]> vectors = embeddings.embedAll(examples.stream().map(LabelledExample::text).toList());
        List<ClassifierEvaluator.Scored> scored = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            scored.add(new ClassifierEvaluator.Scored(examples.get(i).label(), loaded.classifier().classify(vectors.get(i))));
        }
        return evaluator.evaluate(loaded.info(), loaded.classifier(), scored);
    }

    /** Calibrated probabilities of every label for one text. */
    public Classification classify(String name, Integer version, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        return servable(name, version).classifier().classify(embeddings.embed(text));
    }

    /** Calibrated probabilities for many texts, in order (embedded in batches through the cache). */
    public List<Classification> classifyAll(String name, Integer version, List<String> texts) {
        ClassifierRegistry.Loaded loaded = servable(name, version);
        return embeddings.embedAll(texts).stream().map(loaded.classifier()::classify).toList();
    }

    public ModelInfo find(String name, Integer version) {
        return registry.find(name, version);
    }

    /** The report on the validation split stored with a version, as JSON. */
    public String validationJson(String name, Integer version) {
        return registry.metrics(name, version);
    }

    public List<ModelInfo> versions(String name) {
        return registry.versions(name);
    }

    public List<ModelInfo> latest() {
        return registry.latest();
    }

    public String toJson(EvaluationReport report) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClassifierRegistry.Loaded servable(String name, Integer version) {
        checkName(name);
        ClassifierRegistry.Loaded loaded = registry.load(name, version);
        if (!loaded.info().embeddingModel().equals(embeddings.modelName())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Classifier " + name + " v" + loaded.info().version()
                    + " was trained on " + loaded.info().embeddingModel() + " embeddings, but this service embeds with "
                    + embeddings.modelName() + ": retrain it or set closeloop.embedding.model");
        }
        return loaded;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.invalidField("name", "must be 1-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
    }

    private TrainerKind trainer(String id) {
        TrainerKind kind = TrainerKind.parse(id == null ? config.defaultTrainer() : id);
        if (kind == null) {
            throw ProblemException.invalidField("trainer", "unknown trainer '" + id + "'; choose one of " + TrainerKind.choices());
        }
        return kind;
    }

    private void checkTrainable(List<LabelledExample> examples) {
        if (examples == null || examples.size() < config.minExamples()) {
            throw ProblemException.invalidField("data", "needs at least " + config.minExamples() + " labelled examples");
        }
        Map<String, Integer> perLabel = new TreeMap<>();
        examples.forEach(e -> perLabel.merge(e.label(), 1, Integer::sum));
        if (perLabel.size() < 2) {
            throw ProblemException.invalidField("data", "needs at least two different labels; found " + perLabel.keySet());
        }
        List<String> single = perLabel.entrySet().stream().filter(e -> e.getValue() < 2).map(Map.Entry::getKey).toList();
        if (!single.isEmpty()) {
            throw ProblemException.invalidField("data", "every label needs at least two examples; these have one: " + single);
        }
    }
}
