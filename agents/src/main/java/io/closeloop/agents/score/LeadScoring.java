package io.closeloop.agents.score;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lead score: a logistic regression (Tribuo, {@link TransparentLogistic}) trained on the book's won
 * and lost deals (renewals excluded: they are the churn model's), over {@link DealFeatures}.
 * Transparent by construction: each score comes with the per-feature contributions to the log-odds
 * of winning. The model is kept fresh by {@link FreshModel} (retrained when older than ten minutes).
 */
@ApplicationScoped
public class LeadScoring {

    static final String WON = "CLOSED_WON";
    static final String LOST = "CLOSED_LOST";
    private static final int MIN_TRAINING = 20;
    private static final int TOP_FACTORS = 4;

    private final DealFeatureReader reader;
    private final FreshModel model = new FreshModel(this::train);

    public LeadScoring(DealFeatureReader reader) {
        this.reader = reader;
    }

    /** Scores of the deals (in the given order); empty when the book has too few closed deals to learn from. Run in a transaction. */
    @WithSpan("closeloop.agents.lead-score")
    public Optional<List<LeadScore>> score(List<Long> dealIds) {
        Optional<TransparentLogistic> m = model.get();
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, LeadScore> byId = new HashMap<>();
        for (DealFeatures f : reader.of(dealIds)) {
            String[] names = f.names();
            double[] values = f.values();
            byId.put(f.dealId(), new LeadScore(f.dealId(), m.get().probability(names, values), m.get().factors(names, values, TOP_FACTORS),
                    f.interactionIds(), m.get().trainedOn()));
        }
        return Optional.of(dealIds.stream().filter(byId::containsKey).map(byId::get).toList());
    }

    /** Forces a retrain at the next score (after outcomes changed in bulk, e.g. an import). */
    public void invalidate() {
        model.invalidate();
    }

    private Optional<TransparentLogistic> train() {
        List<TransparentLogistic.Row> rows = new ArrayList<>();
        for (DealFeatures f : reader.closed()) {
            rows.add(new TransparentLogistic.Row(f.stage(), f.names(), f.values()));
        }
        return TransparentLogistic.train(WON, LOST, rows, MIN_TRAINING, "closed deals");
    }
}
