package io.closeloop.agents.score;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Lead score: a logistic regression (Tribuo) trained on the book's won and lost deals, over
 * {@link DealFeatures}. Transparent by construction: each score comes with the per-feature
 * contributions to the log-odds of winning. The model is trained on first use and again when it
 * is older than ten minutes, so new outcomes are learnt without a restart.
 */
@ApplicationScoped
public class LeadScoring {

    static final String WON = "CLOSED_WON";
    static final String LOST = "CLOSED_LOST";
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MIN_TRAINING = 20;
    private static final int TOP_FACTORS = 4;

    private record Trained(LinearSGDModel model, int size, long at) {
    }

    private final DealFeatureReader reader;
    private volatile Trained trained;

    public LeadScoring(DealFeatureReader reader) {
        this.reader = reader;
    }

    /** Scores of the deals (in the given order); empty when the book has too few closed deals to learn from. Run in a transaction. */
    @WithSpan("closeloop.agents.lead-score")
    public Optional<List<LeadScore>> score(List<Long> dealIds) {
        Trained t = model();
        if (t == null) {
            return Optional.empty();
        }
        List<LeadScore> out = new ArrayList<>();
        for (DealFeatures f : reader.of(dealIds)) {
            Example<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, f.names(), f.values());
            Prediction<Label> prediction = t.model().predict(example);
            double won = prediction.getOutputScores().get(WON).getScore();
            out.add(new LeadScore(f.dealId(), won, factors(t.model(), example, f), f.interactionIds(), t.size()));
        }
        Map<Long, LeadScore> byId = new HashMap<>();
        out.forEach(s -> byId.put(s.dealId(), s));
        return Optional.of(dealIds.stream().filter(byId::containsKey).map(byId::get).toList());
    }

    /** Forces a retrain at the next score (after outcomes changed in bulk, e.g. an import). */
    public void invalidate() {
        trained = null;
    }

    private synchronized Trained model() {
        Trained t = trained;
        if (t != null && System.currentTimeMillis() - t.at() < MAX_AGE.toMillis()) {
            return t;
        }
        List<DealFeatures> closed = reader.closed();
        boolean bothOutcomes = closed.stream().anyMatch(f -> WON.equals(f.stage())) && closed.stream().anyMatch(f -> LOST.equals(f.stage()));
        if (closed.size() < MIN_TRAINING || !bothOutcomes) {
            return null;
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("closed deals", labels), labels);
        for (DealFeatures f : closed) {
            data.add(new ArrayExample<>(new Label(f.stage()), f.names(), f.values()));
        }
        LinearSGDModel model = (LinearSGDModel) new LogisticRegressionTrainer().train(data);
        trained = new Trained(model, closed.size(), System.currentTimeMillis());
        return trained;
    }

    /** Contribution of each feature to log-odds(WON) − log-odds(LOST): weight(WON)·x − weight(LOST)·x. */
    private static List<LeadScore.Factor> factors(LinearSGDModel model, Example<Label> example, DealFeatures f) {
        Optional<Excuse<Label>> excuse = model.getExcuse(example);
        if (excuse.isEmpty()) {
            return List.of();
        }
        Map<String, Double> contribution = new HashMap<>();
        excuse.get().getScores().getOrDefault(WON, List.of()).forEach((Pair<String, Double> p) -> contribution.merge(p.getA(), p.getB(), Double::sum));
        excuse.get().getScores().getOrDefault(LOST, List.of()).forEach((Pair<String, Double> p) -> contribution.merge(p.getA(), -p.getB(), Double::sum));
        Map<String, Double> values = new HashMap<>();
        String[] names = f.names();
        double[] v = f.values();
        for (int i = 0; i < names.length; i++) {
            values.put(names[i], v[i]);
        }
        return contribution.entrySet().stream()
                .filter(e -> values.containsKey(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> Math.abs(e.getValue())).reversed())
                .limit(TOP_FACTORS)
                .map(e -> new LeadScore.Factor(e.getKey(), values.get(e.getKey()), e.getValue()))
                .toList();
    }
}
