package io.closeloop.crm.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.deal.DealStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Won/lost outcomes are learnable but noisy: a plain logistic regression trained on some books
 * ranks the closed deals of another book clearly better than chance, and clearly worse than
 * perfectly. This is the shape the lead-scoring model relies on.
 */
class DemoOutcomesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final List<String> INDUSTRIES = List.of("Software", "Financial Services", "Healthcare", "Manufacturing",
            "Retail", "Logistics", "Telecommunications", "Energy", "Education", "Media");

    record Example(double[] features, boolean won) {
    }

    @Test
    void featuresKnownAtCreationPredictOutcomesBetterThanChanceButFarFromPerfectly() {
        double auc = heldOutAuc(deal -> true, false);
        assertTrue(auc > 0.62 && auc < 0.85, "AUC from tier, industry, size, expansion = " + auc);
    }

    @Test
    void howFastADealReachedProposalAddsSignalWithoutGivingTheAnswerAway() {
        double atCreation = heldOutAuc(DemoOutcomesTest::reachedProposal, false);
        double withSpeed = heldOutAuc(DemoOutcomesTest::reachedProposal, true);
        assertTrue(withSpeed > atCreation + 0.03, "with speed " + withSpeed + ", without " + atCreation);
        assertTrue(withSpeed < 0.95, "AUC with speed to proposal = " + withSpeed);
    }

    @Test
    void dealsThatGotFurtherWereWonMoreOftenButNotAlways() {
        List<DemoDeal> closed = DemoBookGenerator.generate(4, DAY).deals().stream().filter(d -> d.stage().isClosed()).toList();
        double overall = winRate(closed);
        double afterProposal = winRate(closed.stream().filter(DemoOutcomesTest::reachedProposal).toList());
        assertTrue(afterProposal > overall + 0.15, "won after proposal " + afterProposal + ", overall " + overall);
        assertTrue(afterProposal < 0.85, "won after proposal " + afterProposal);
    }

    static boolean reachedProposal(DemoDeal deal) {
        return deal.history().stream().anyMatch(c -> c.to() == DealStage.PROPOSAL);
    }

    static double winRate(List<DemoDeal> deals) {
        return deals.stream().filter(d -> d.stage() == DealStage.CLOSED_WON).count() / (double) deals.size();
    }

    /** Trains on the closed deals (that pass the filter) of seeds 1–3, scores those of seed 4. */
    static double heldOutAuc(Predicate<DemoDeal> filter, boolean speedToProposal) {
        List<Example> train = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            train.addAll(examples(DemoBookGenerator.generate(seed, DAY), filter, speedToProposal));
        }
        List<Example> test = examples(DemoBookGenerator.generate(4, DAY), filter, speedToProposal);
        return auc(test, fit(train));
    }

    static List<Example> examples(DemoBook book, Predicate<DemoDeal> filter, boolean speedToProposal) {
        Map<String, DemoAccount> accounts = book.accounts().stream()
                .collect(Collectors.toMap(DemoAccount::externalId, Function.identity()));
        List<Example> examples = new ArrayList<>();
        for (DemoDeal deal : book.deals()) {
            if (!deal.stage().isClosed() || !filter.test(deal)) {
                continue;
            }
            DemoAccount account = accounts.get(deal.accountId());
            List<Double> f = new ArrayList<>();
            f.add(1.0);
            for (AccountTier tier : AccountTier.values()) {
                f.add(account.tier() == tier ? 1.0 : 0.0);
            }
            for (String industry : INDUSTRIES) {
                f.add(account.industry().equals(industry) ? 1.0 : 0.0);
            }
            double usd = deal.amount().doubleValue() / (deal.currency().equals("EUR") ? 0.92 : 1.0);
            f.add(Math.log(usd) / 10);
            f.add(deal.name().contains(" expansion (") ? 1.0 : 0.0);
            if (speedToProposal) {
                Instant proposal = deal.history().stream().filter(c -> c.to() == DealStage.PROPOSAL).findFirst().orElseThrow().at();
                f.add(Math.log(Duration.between(deal.createdAt(), proposal).toHours() / 24.0) / 3);
            }
            examples.add(new Example(f.stream().mapToDouble(Double::doubleValue).toArray(), deal.stage() == DealStage.CLOSED_WON));
        }
        return examples;
    }

    /** Logistic regression by batch gradient descent with a little L2. */
    static double[] fit(List<Example> examples) {
        int n = examples.get(0).features().length;
        double[] w = new double[n];
        for (int epoch = 0; epoch < 2000; epoch++) {
            double[] gradient = new double[n];
            for (Example e : examples) {
                double error = sigmoid(dot(w, e.features())) - (e.won() ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    gradient[i] += error * e.features()[i];
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] -= 0.5 * (gradient[i] / examples.size() + 0.001 * w[i]);
            }
        }
        return w;
    }

    /** Probability that a random won deal scores above a random lost one. */
    static double auc(List<Example> examples, double[] w) {
        List<Double> won = new ArrayList<>();
        List<Double> lost = new ArrayList<>();
        examples.forEach(e -> (e.won() ? won : lost).add(dot(w, e.features())));
        double wins = 0;
        for (double a : won) {
            for (double b : lost) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) won.size() * lost.size());
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
