package io.closeloop.agents.score;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A two-outcome logistic regression (Tribuo {@link LogisticRegressionTrainer}) over named numeric
 * features, transparent by construction: each prediction comes with every feature's contribution
 * to the log-odds of the {@code positive} outcome, {@code w(positive)·x − w(negative)·x}, from
 * Tribuo's {@code getExcuse}. Shared by the lead score and the churn risk.
 */
final class TransparentLogistic {

    /** One training example: its outcome label and its features. */
    record Row(String label, String[] names, double[] values) {
    }

    private final LinearSGDModel model;
    private final String positive;
    private final String negative;
    private final int trainedOn;

    private TransparentLogistic(LinearSGDModel model, String positive, String negative, int trainedOn) {
        this.model = model;
        this.positive = positive;
        this.negative = negative;
        this.trainedOn = trainedOn;
    }

    /** Trains on the rows (each labelled {@code positive} or {@code negative}); empty when fewer than {@code min} or one outcome is missing. */
    static Optional<TransparentLogistic> train(String positive, String negative, List<Row> rows, int min, String source) {
        boolean both = rows.stream().anyMatch(r -> positive.equals(r.label())) && rows.stream().anyMatch(r -> negative.equals(r.label()));
        if (rows.size() < min || !both) {
            return Optional.empty();
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(source, labels), labels);
        for (Row r : rows) {
            data.add(new ArrayExample<>(new Label(r.label()), r.names(), r.values()));
        }
        return Optional.of(new TransparentLogistic((LinearSGDModel) new LogisticRegressionTrainer().train(data), positive, negative, rows.size()));
    }

    int trainedOn() {
        return trainedOn;
    }

    /** The probability of the positive outcome. */
    double probability(String[] names, double[] values) {
        return model.predict(example(names, values)).getOutputScores().get(positive).getScore();
    }

    /** The {@code top} features with the largest contribution (either sign) to log-odds(positive). */
    List<Factor> factors(String[] names, double[] values, int top) {
        Optional<Excuse<Label>> excuse = model.getExcuse(example(names, values));
        if (excuse.isEmpty()) {
            return List.of();
        }
        Map<String, Double> contribution = new HashMap<>();
        excuse.get().getScores().getOrDefault(positive, List.of()).forEach((Pair<String, Double> p) -> contribution.merge(p.getA(), p.getB(), Double::sum));
        excuse.get().getScores().getOrDefault(negative, List.of()).forEach((Pair<String, Double> p) -> contribution.merge(p.getA(), -p.getB(), Double::sum));
        Map<String, Double> byName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            byName.put(names[i], values[i]);
        }
        return contribution.entrySet().stream()
                .filter(e -> byName.containsKey(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> Math.abs(e.getValue())).reversed())
                .limit(top)
                .map(e -> new Factor(e.getKey(), byName.get(e.getKey()), e.getValue()))
                .toList();
    }

    private static Example<Label> example(String[] names, double[] values) {
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values);
    }
}
