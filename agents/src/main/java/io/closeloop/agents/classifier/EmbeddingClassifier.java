package io.closeloop.agents.classifier;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained Tribuo model over embedding vectors plus its calibration temperature: turns an
 * embedding into calibrated label probabilities. Immutable and thread-safe once built.
 */
public final class EmbeddingClassifier {

    private static final double MIN_PROBABILITY = 1e-15;

    private final Model<Label> model;
    private final double temperature;
    private final List<String> labels;
    private final String[] featureNames;

    public EmbeddingClassifier(Model<Label> model, double temperature) {
        this.model = model;
        this.temperature = temperature;
        this.labels = model.getOutputIDInfo().getDomain().stream().map(Label::getLabel).sorted().toList();
        this.featureNames = featureNames(model.getFeatureIDMap().size());
    }

    @SuppressWarnings("unchecked")
    public static EmbeddingClassifier fromBytes(byte[] bytes, double temperature) {
        try {
            return new EmbeddingClassifier((Model<Label>) Model.deserialize(ModelProto.parseFrom(bytes)), temperature);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored classifier model is not a Tribuo model: " + e.getMessage(), e);
        }
    }

    public byte[] modelBytes() {
        return model.serialize().toByteArray();
    }

    /** The feature names of a {@code dimensions}-wide embedding ({@code e000}, {@code e001}, ...). */
    static String[] featureNames(int dimensions) {
        String[] names = new String[dimensions];
        for (int i = 0; i < dimensions; i++) {
            names[i] = String.format("e%03d", i);
        }
        return names;
    }

    static ArrayExample<Label> example(String[] names, float[] vector, Label label) {
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return new ArrayExample<>(label, names, values);
    }

    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    public int dimensions() {
        return featureNames.length;
    }

    public Model<Label> model() {
        return model;
    }

    /** The uncalibrated logits in {@link #labels()} order: log-probabilities for probabilistic models, margins otherwise. */
    public double[] logits(float[] embedding) {
        if (embedding.length != featureNames.length) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " dimensions, the model " + featureNames.length);
        }
        Prediction<Label> prediction = model.predict(example(featureNames, embedding, LabelFactory.UNKNOWN_LABEL));
        Map<String, Label> scores = prediction.getOutputScores();
        boolean probabilities = model.generatesProbabilities();
        double[] logits = new double[labels.size()];
        for (int i = 0; i < logits.length; i++) {
            Label scored = scores.get(labels.get(i));
            double score = scored == null ? (probabilities ? 0 : Double.NEGATIVE_INFINITY) : scored.getScore();
            logits[i] = probabilities ? Math.log(Math.max(score, MIN_PROBABILITY)) : score;
        }
        return logits;
    }

    public Classification classify(float[] embedding) {
        return calibrated(logits(embedding), temperature);
    }

    Classification calibrated(double[] logits, double withTemperature) {
        double[] p = TemperatureScaling.softmax(logits, withTemperature);
        List<Classification.ScoredLabel> ranked = new ArrayList<>(labels.size());
        for (int i = 0; i < p.length; i++) {
            ranked.add(new Classification.ScoredLabel(labels.get(i), p[i]));
        }
        ranked.sort(Comparator.comparingDouble(Classification.ScoredLabel::probability).reversed()
                .thenComparing(Classification.ScoredLabel::label));
        return new Classification(List.copyOf(ranked));
    }

    int indexOf(String label) {
        int i = java.util.Collections.binarySearch(labels, label);
        return i < 0 ? -1 : i;
    }

    @Override
    public String toString() {
        return "EmbeddingClassifier" + Arrays.asList(model.getClass().getSimpleName(), labels.size() + " labels", "T=" + temperature);
    }
}
