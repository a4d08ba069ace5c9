package io.closeloop.actions.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nearest-prototype scorer separates each signal from ordinary mail on texts it was not given as examples. */
@QuarkusTest
class PrototypeScorerTest {

    @Inject
    PrototypeScorer scorer;

    @Inject
    SignalConfig config;

    @Test
    void churnTextScoresAboveTheEnterThresholdForChurnOnly() {
        Map<SignalKind, Double> s = scorer.score(SignalDetectionTest.CHURN);
        assertThat(s.get(SignalKind.CHURN_RISK)).isGreaterThanOrEqualTo(config.enter());
        assertThat(s.get(SignalKind.BUYING_INTENT)).isLessThan(config.exit());
        assertThat(s).doesNotContainKey(SignalKind.OPEN_REQUEST); // the trained RequestDetector scores requests
    }

    @Test
    void purchaseTextScoresAsBuyingIntent() {
        Map<SignalKind, Double> s = scorer.score("Our board approved the budget, please send a quote for 200 licenses.");
        assertThat(s.get(SignalKind.BUYING_INTENT)).isGreaterThanOrEqualTo(config.enter());
        assertThat(s.get(SignalKind.CHURN_RISK)).isLessThan(config.exit());
    }

    @Test
    void aRequestIsNeitherChurnNorBuyingIntent() {
        assertThat(scorer.score(SignalDetectionTest.REQUEST).values()).allMatch(v -> v < config.enter());
    }

    @Test
    void ordinaryMailStaysBelowTheEnterThresholdForEverySignal() {
        for (String text : new String[] { SignalDetectionTest.NEUTRAL, "Congratulations on the new office!",
                "I'll forward the minutes of the meeting." }) {
            assertThat(scorer.score(text).values()).as(text).allMatch(v -> v < config.enter());
        }
    }
}
