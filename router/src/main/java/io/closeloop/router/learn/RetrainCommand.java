package io.closeloop.router.learn;

import io.closeloop.kernel.cli.Command;
import io.closeloop.router.policy.IntentThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code ./closeloop classifier retrain}: trains a challenger intent classifier from the training
 * set plus feedback candidates and promotes it only if it does not regress on the held-out set.
 * Exit code 0 when promoted, 3 when the champion was kept.
 */
@ApplicationScoped
public class RetrainCommand implements Command {

    static final int KEPT = 3;

    private final RetrainService retraining;

    public RetrainCommand(RetrainService retraining) {
        this.retraining = retraining;
    }

    @Override
    public String name() {
        return "classifier retrain";
    }

    @Override
    public String summary() {
        return "retrain the router's intent classifier with feedback; promote it only without regression";
    }

    @Override
    public int run(String... args) {
        return run(System.out, args);
    }

    int run(PrintStream out, String... args) {
        RetrainOutcome o = retraining.retrain(System.getProperty("user.name", "cli"));
        out.printf(Locale.ROOT, "challenger %s v%d: %d training examples + %d feedback candidates%n", o.model(), o.challengerVersion(),
                o.trainingExamples(), o.candidates());
        out.printf(Locale.ROOT, "held-out accuracy %.4f, macro-F1 %.4f%s%n", o.challengerAccuracy(), o.challengerMacroF1(),
                o.championVersion() == null ? "" : String.format(Locale.ROOT, " (champion v%d: %.4f, %.4f)", o.championVersion(),
                        o.championAccuracy(), o.championMacroF1()));
        out.println((o.promoted() ? "PROMOTED: " : "NOT PROMOTED: ") + o.reason());
        out.println("thresholds (target precision " + (o.thresholds().isEmpty() ? "-" : o.thresholds().get(0).targetPrecision()) + "):");
        for (IntentThreshold t : o.thresholds()) {
            out.printf(Locale.ROOT, "  %-24s %s  precision %.3f  coverage %.3f  (%d of %d predicted, support %d)%n", t.intent(),
                    t.usable() ? String.format(Locale.ROOT, "%.4f", t.threshold()) : " never", t.achievedPrecision(), t.coverage(),
                    t.answered(), t.predicted(), t.support());
        }
        return o.promoted() ? 0 : KEPT;
    }
}
