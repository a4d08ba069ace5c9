package io.closeloop.agents.score;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Churn risk: a logistic regression ({@link TransparentLogistic}) trained on the book's closed
 * renewals, lost (churned, the positive outcome) against won (renewed), over {@link ChurnFeatures}
 * read as each account was {@value ChurnFeatures#HORIZON_DAYS} days before its renewal closed. Each
 * risk comes with its top factors in plain words and the interactions behind them. Kept fresh by
 * {@link FreshModel}, like the lead score.
 */
@ApplicationScoped
public class ChurnScoring {

    static final String CHURNED = "CLOSED_LOST";
    static final String RENEWED = "CLOSED_WON";
    private static final int MIN_TRAINING = 20;
    private static final int TOP_FACTORS = 4;
    private static final int EVIDENCE_PER_FACTOR = 5;
    /** Held-out split of {@link #evaluate()}: accounts whose id is divisible by this are the test set. */
    static final int TEST_EVERY = 5;

    private final ChurnFeatureReader reader;
    private final FreshModel model = new FreshModel(this::train);

    public ChurnScoring(ChurnFeatureReader reader) {
        this.reader = reader;
    }

    /** The risks of the accounts now (in the given order); empty when the book has too few closed renewals to learn from. Run in a transaction. */
    @WithSpan("closeloop.agents.churn-risk")
    public Optional<List<ChurnRisk>> score(List<Long> accountIds) {
        Optional<TransparentLogistic> m = model.get();
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, ChurnRisk> byId = new HashMap<>();
        for (ChurnFeatures f : reader.of(accountIds, Instant.now())) {
            byId.put(f.accountId(), risk(m.get(), f));
        }
        return Optional.of(accountIds.stream().filter(byId::containsKey).map(byId::get).toList());
    }

    /** Forces a retrain at the next score (after outcomes changed in bulk). */
    public void invalidate() {
        model.invalidate();
    }

    /** Held-out figures of the model on the current book. */
    public record Evaluation(int trainRenewals, int trainChurned, int testRenewals, int testChurned, double auc, double accuracy,
            double baseAccuracy, String split) {

        public String describe() {
            return String.format(Locale.ROOT, "churn model, held-out split (%s): trained on %d closed renewals (%d churned), tested on %d (%d churned):"
                    + " AUC %.3f, accuracy at 0.5 %.3f (always predicting 'renewed': %.3f)", split, trainRenewals, trainChurned, testRenewals,
                    testChurned, auc, accuracy, baseAccuracy);
        }
    }

    /**
     * Trains on the renewals of accounts not in the test split and measures AUC and accuracy on the
     * renewals of the test accounts (account id divisible by {@value #TEST_EVERY}: about 20 %, a split
     * by account so no account is on both sides). Empty when either side lacks an outcome.
     */
    public Optional<Evaluation> evaluate() {
        List<TransparentLogistic.Row> train = new ArrayList<>();
        List<ChurnFeatures> test = new ArrayList<>();
        for (ChurnFeatures f : reader.closedRenewals()) {
            if (f.accountId() % TEST_EVERY == 0) {
                test.add(f);
            } else {
                train.add(new TransparentLogistic.Row(f.label(), f.names(), f.values()));
            }
        }
        Optional<TransparentLogistic> model = TransparentLogistic.train(CHURNED, RENEWED, train, MIN_TRAINING, "closed renewals, training split");
        long testChurned = test.stream().filter(f -> CHURNED.equals(f.label())).count();
        if (model.isEmpty() || testChurned == 0 || testChurned == test.size()) {
            return Optional.empty();
        }
        double[] p = test.stream().mapToDouble(f -> model.get().probability(f.names(), f.values())).toArray();
        boolean[] churned = new boolean[test.size()];
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            churned[i] = CHURNED.equals(test.get(i).label());
            correct += (p[i] >= 0.5) == churned[i] ? 1 : 0;
        }
        int trainChurned = (int) train.stream().filter(r -> CHURNED.equals(r.label())).count();
        return Optional.of(new Evaluation(train.size(), trainChurned, test.size(), (int) testChurned, auc(p, churned),
                correct / (double) test.size(), 1 - testChurned / (double) test.size(), "account id % " + TEST_EVERY + " == 0 held out"));
    }

    /** Area under the ROC curve: the probability that a churned renewal scores above a renewed one (ties count half). */
    static double auc(double[] score, boolean[] positive) {
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < score.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < score.length; j++) {
                if (positive[j]) {
                    continue;
                }
                pairs++;
                wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    private Optional<TransparentLogistic> train() {
        List<TransparentLogistic.Row> rows = reader.closedRenewals().stream()
                .map(f -> new TransparentLogistic.Row(f.label(), f.names(), f.values())).toList();
        return TransparentLogistic.train(CHURNED, RENEWED, rows, MIN_TRAINING, "closed renewals");
    }

    private static ChurnRisk risk(TransparentLogistic model, ChurnFeatures f) {
        String[] names = f.names();
        double[] values = f.values();
        List<ChurnRisk.Evidence> evidence = model.factors(names, values, TOP_FACTORS).stream().map(factor -> explain(factor, f)).toList();
        return new ChurnRisk(f.accountId(), model.probability(names, values), evidence, model.trainedOn());
    }

    /** The factor in plain words, with the interactions that make it up. */
    static ChurnRisk.Evidence explain(Factor factor, ChurnFeatures f) {
        String effect = factor.contribution() >= 0 ? "raises the risk" : "lowers the risk";
        for (ChurnSignal s : ChurnSignal.values()) {
            if (s.feature().equals(factor.feature())) {
                List<Long> ids = f.mentions().getOrDefault(s, List.of());
                String text = ids.isEmpty() ? "no message in the last " + ChurnFeatures.MENTION_DAYS + " days mentions " + s.words
                        : ids.size() + (ids.size() == 1 ? " message" : " messages") + " in the last " + ChurnFeatures.MENTION_DAYS + " days "
                                + (ids.size() == 1 ? "mentions " : "mention ") + s.words;
                return new ChurnRisk.Evidence(factor, text + " (" + effect + ")", ids.stream().limit(EVIDENCE_PER_FACTOR).toList());
            }
        }
        String text = switch (factor.feature()) {
            case ChurnFeatures.DAYS_SINCE_INBOUND -> f.daysSinceInbound() == null ? "no message from the customer on record"
                    : "the customer last wrote or called " + Math.round(f.daysSinceInbound()) + " days ago";
            case ChurnFeatures.INBOUND_30D -> f.inbound30() + " messages from the customer in the last 30 days";
            case ChurnFeatures.INBOUND_TREND -> "messages from the customer: " + f.inbound30() + " in the last 30 days against " + f.inbound31to90()
                    + " in the 60 days before";
            case ChurnFeatures.WON_DEALS -> f.wonDeals() + (f.wonDeals() == 1 ? " deal" : " deals") + " won with the account";
            default -> factor.feature();
        };
        List<Long> ids = ChurnFeatures.DAYS_SINCE_INBOUND.equals(factor.feature()) && f.lastInboundId() != null ? List.of(f.lastInboundId()) : List.of();
        return new ChurnRisk.Evidence(factor, text + " (" + effect + ")", ids);
    }
}
