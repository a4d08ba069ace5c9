package io.closeloop.agents.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a calibrated classifier on embedded examples, in three steps:
 * <ol>
 * <li>a stratified, seeded split holds out {@code validationFraction} of every label that has at
 * least two examples;</li>
 * <li>a model trained on the rest scores the validation split, and the temperature is fitted on
 * those scores ({@link TemperatureScaling}); the validation report is computed with it;</li>
 * <li>the served model is retrained on all examples with the same trainer and given that
 * temperature (the validation split is too valuable to leave out of the final model).</li>
 * </ol>
 */
final class ClassifierTraining {

    private final ClassifierConfig config;

    ClassifierTraining(ClassifierConfig config) {
        this.config = config;
    }

    /** The outcome: the served classifier, its held-out validation split and the validation classifier's scores. */
    record Result(EmbeddingClassifier classifier, List<Integer> validation, EmbeddingClassifier validationClassifier) {
    }

    Result train(TrainerKind kind, List<LabelledExample> examples, List<float[]> vectors) {
        String[] names = EmbeddingClassifier.featureNames(vectors.get(0).length);
        List<Integer> validation = stratifiedHoldOut(examples);
        List<Integer> training = new ArrayList<>();
        java.util.Set<Integer> held = new java.util.HashSet<>(validation);
        for (int i = 0; i < examples.size(); i++) {
            if (!held.contains(i)) {
                training.add(i);
            }
        }
        Trainer<Label> trainer = kind.trainer(config);
        Model<Label> partial = trainer.train(dataset(names, examples, vectors, training));
        EmbeddingClassifier uncalibrated = new EmbeddingClassifier(partial, 1.0);
        List<double[]> logits = new ArrayList<>();
        int[] truth = new int[validation.size()];
        for (int v = 0; v < validation.size(); v++) {
            int i = validation.get(v);
            logits.add(uncalibrated.logits(vectors.get(i)));
            truth[v] = uncalibrated.indexOf(examples.get(i).label());
        }
        double temperature = validation.isEmpty() ? 1.0 : TemperatureScaling.fit(logits, truth);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            all.add(i);
        }
        Model<Label> full = kind.trainer(config).train(dataset(names, examples, vectors, all));
        return new Result(new EmbeddingClassifier(full, temperature), validation, new EmbeddingClassifier(partial, temperature));
    }

    private MutableDataset<Label> dataset(String[] names, List<LabelledExample> examples, List<float[]> vectors, List<Integer> rows) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("closeloop-labelled-data", factory), factory);
        for (int i : rows) {
            dataset.add(EmbeddingClassifier.example(names, vectors.get(i), factory.generateOutput(examples.get(i).label())));
        }
        return dataset;
    }

    /** Indexes of the validation split: a seeded shuffle of each label, the first {@code round(n * fraction)} of those with two or more. */
    List<Integer> stratifiedHoldOut(List<LabelledExample> examples) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(config.seed());
        List<Integer> held = new ArrayList<>();
        byLabel.keySet().stream().sorted().forEach(label -> {
            List<Integer> rows = byLabel.get(label);
            if (rows.size() < 2) {
                return;
            }
            Collections.shuffle(rows, random);
            int take = (int) Math.max(1, Math.min(rows.size() - 1, Math.round(rows.size() * config.validationFraction())));
            held.addAll(rows.subList(0, take));
        });
        Collections.sort(held);
        return held;
    }
}
