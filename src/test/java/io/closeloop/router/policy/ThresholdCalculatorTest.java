package io.closeloop.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalculatorTest {

    private static ThresholdCalculator.Scored right(String intent, double confidence) {
        return new ThresholdCalculator.Scored(intent, intent, confidence);
    }

    private static ThresholdCalculator.Scored wrong(String actual, String predicted, double confidence) {
        return new ThresholdCalculator.Scored(actual, predicted, confidence);
    }

    @Test
    void choosesTheLowestConfidenceWherePrecisionStillMeetsTheTarget() {
        List<ThresholdCalculator.Scored> heldOut = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            heldOut.add(right("lookup", 0.99 - i * 0.01)); // 0.99 .. 0.60
        }
        heldOut.add(wrong("pipeline", "lookup", 0.95)); // 1 error among the top: 40/41 = 0.9756 >= 0.97
        heldOut.add(wrong("pipeline", "lookup", 0.55)); // a second error below the last right one
        heldOut.add(right("lookup", 0.50));

        IntentThreshold t = new ThresholdCalculator(0.97, 5).thresholds(List.of("lookup"), heldOut).get(0);

        // at 0.60: 40 right of 41 = 0.9756; at 0.55: 40/42 = 0.952; at 0.50: 41/43 = 0.953 -> stop at 0.60
        assertThat(t.threshold()).isEqualTo(0.60, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.answered()).isEqualTo(41);
        assertThat(t.achievedPrecision()).isGreaterThanOrEqualTo(0.97);
        assertThat(t.predicted()).isEqualTo(43);
        assertThat(t.support()).isEqualTo(41);
        assertThat(t.coverage()).isEqualTo(40.0 / 41, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anIntentWhoseConfidentPredictionsAreWrongNeverGoesToItsHandler() {
        List<ThresholdCalculator.Scored> heldOut = List.of(wrong("a", "b", 0.99), right("b", 0.98), right("b", 0.97), right("b", 0.96),
                right("b", 0.95), right("b", 0.94), right("a", 0.90));
        List<IntentThreshold> ts = new ThresholdCalculator(0.97, 5).thresholds(List.of("a", "b", "c"), heldOut);

        // b: 5 right of 6 at best = 0.83 < 0.97
        assertThat(ts.get(1).threshold()).isEqualTo(RoutingPolicy.NEVER);
        assertThat(ts.get(1).usable()).isFalse();
        // a: a single prediction is below the minimum evidence of 5
        assertThat(ts.get(0).usable()).isFalse();
        // c: never predicted
        assertThat(ts.get(2).usable()).isFalse();
        assertThat(ts.get(2).predicted()).isZero();
    }

    @Test
    void equalConfidencesAreNeverSplitByAThreshold() {
        List<ThresholdCalculator.Scored> heldOut = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            heldOut.add(right("x", 0.9));
        }
        heldOut.add(wrong("y", "x", 0.8));
        heldOut.add(right("x", 0.8)); // same confidence as the error: together 11/12 = 0.917
        IntentThreshold t = new ThresholdCalculator(0.97, 5).thresholds(List.of("x"), heldOut).get(0);
        assertThat(t.threshold()).isEqualTo(0.9);
        assertThat(t.answered()).isEqualTo(10);
    }

    @Test
    void refusesATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> new ThresholdCalculator(1.5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdCalculator(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
