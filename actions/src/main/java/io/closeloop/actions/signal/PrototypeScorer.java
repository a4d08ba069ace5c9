package io.closeloop.actions.signal;

import io.closeloop.vectorstore.embedding.TextEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one interaction for churn risk and buying intent with the shared embedding model: a
 * nearest-prototype classifier. The text's similarity to the closest labelled example of each
 * class goes through a softmax with the configured temperature, so a signal scores high only when
 * it is clearly closer than every other class. The classes are the two signals and two that are
 * not scored here: "neutral" and "a request" (a request is not churn or buying intent; the open
 * request signal itself comes from the trained {@link RequestDetector}). The examples live in
 * {@code signal/prototypes/*.txt}.
 */
@ApplicationScoped
public class PrototypeScorer {

    static final Map<SignalKind, String> FILES = Map.of(
            SignalKind.CHURN_RISK, "churn-risk.txt",
            SignalKind.BUYING_INTENT, "buying-intent.txt");

    private final TextEmbedder embedder;
    private final SignalConfig config;
    private final Map<SignalKind, List<float[]>> prototypes = new EnumMap<>(SignalKind.class);
    private final List<float[]> neutral;
    private final List<float[]> request;

    public PrototypeScorer(TextEmbedder embedder, SignalConfig config) {
        this.embedder = embedder;
        this.config = config;
        FILES.forEach((kind, file) -> prototypes.put(kind, embedder.embedAll(examples(file))));
        this.neutral = embedder.embedAll(examples("neutral.txt"));
        this.request = embedder.embedAll(examples("open-request.txt"));
    }

    /** A score in 0..1 for churn risk and buying intent. */
    public Map<SignalKind, Double> score(String text) {
        float[] vector = embedder.embed(text);
        double neutralSimilarity = closest(vector, neutral);
        double requestSimilarity = closest(vector, request);
        Map<SignalKind, Double> similarity = new EnumMap<>(SignalKind.class);
        prototypes.forEach((kind, examples) -> similarity.put(kind, closest(vector, examples)));
        double top = similarity.values().stream().mapToDouble(Double::doubleValue).max().orElse(neutralSimilarity);
        top = Math.max(top, Math.max(neutralSimilarity, requestSimilarity));
        double t = config.temperature();
        double sum = Math.exp((neutralSimilarity - top) / t) + Math.exp((requestSimilarity - top) / t);
        for (double s : similarity.values()) {
            sum += Math.exp((s - top) / t);
        }
        Map<SignalKind, Double> scores = new EnumMap<>(SignalKind.class);
        for (Map.Entry<SignalKind, Double> e : similarity.entrySet()) {
            scores.put(e.getKey(), Math.exp((e.getValue() - top) / t) / sum);
        }
        return scores;
    }

    private static double closest(float[] v, List<float[]> examples) {
        double best = -1;
        for (float[] e : examples) {
            best = Math.max(best, TextEmbedder.cosine(v, e));
        }
        return best;
    }

    private static List<String> examples(String file) {
        try (InputStream in = PrototypeScorer.class.getResourceAsStream("prototypes/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing signal prototypes " + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
