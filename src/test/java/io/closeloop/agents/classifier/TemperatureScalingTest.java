package io.closeloop.agents.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Temperature scaling on synthetic logits whose right temperature is known. */
class TemperatureScalingTest {

    /** Logits drawn so that softmax(z / trueT) is the real label distribution. */
    private static List<double[]> sample(double trueT, int n, int[] truth, Random random) {
        List<double[]> logits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] z = { random.nextGaussian() * 6, random.nextGaussian() * 6, random.nextGaussian() * 6 };
            double[] p = TemperatureScaling.softmax(z, trueT);
            double u = random.nextDouble();
            int label = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            truth[i] = label;
            logits.add(z);
        }
        return logits;
    }

    @Test
    void recoversTheTemperatureOfOverconfidentScores() {
        int[] truth = new int[20_000];
        List<double[]> logits = sample(3.0, truth.length, truth, new Random(7));
        double fitted = TemperatureScaling.fit(logits, truth);
        assertEquals(3.0, fitted, 0.25);
        assertTrue(TemperatureScaling.nll(logits, truth, fitted) < TemperatureScaling.nll(logits, truth, 1.0));
    }

    @Test
    void recoversTheTemperatureOfUnderconfidentScores() {
        int[] truth = new int[20_000];
        List<double[]> logits = sample(0.5, truth.length, truth, new Random(11));
        assertEquals(0.5, TemperatureScaling.fit(logits, truth), 0.05);
    }

    @Test
    void softmaxSumsToOneAndKeepsTheOrderAtAnyTemperature() {
        double[] z = { 2.0, -1.0, 0.5, 7.0 };
        for (double t : new double[] { 0.01, 0.3, 1, 5, 100 }) {
            double[] p = TemperatureScaling.softmax(z, t);
            assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-12);
            assertTrue(p[3] >= p[0] && p[0] >= p[2] && p[2] >= p[1], "order kept at T=" + t);
        }
        assertTrue(TemperatureScaling.softmax(z, 0.5)[3] > TemperatureScaling.softmax(z, 2)[3], "a lower temperature sharpens");
    }

    @Test
    void examplesWithUnknownLabelsDoNotCount() {
        List<double[]> logits = List.of(new double[] { 1, 0 }, new double[] { 0, 1 });
        assertEquals(TemperatureScaling.nll(logits.subList(0, 1), new int[] { 0 }, 2.0),
                TemperatureScaling.nll(logits, new int[] { 0, -1 }, 2.0), 1e-12);
    }
}
