package io.closeloop.agents.classifier;

import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017, "On Calibration of Modern Neural Networks"): the
 * calibrated distribution is {@code softmax(z / T)} over the model's logits {@code z}, with the one
 * parameter {@code T} chosen to minimise the negative log-likelihood of a held-out validation
 * split. Dividing by {@code T > 0} never changes which label ranks first, so accuracy is kept and
 * only the confidence moves. The NLL is convex in {@code 1/T}, so a golden-section search over
 * {@code log T} finds the minimum.
 */
public final class TemperatureScaling {

    static final double MIN_T = 0.01;
    static final double MAX_T = 100;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureScaling() {
    }

    /** Softmax of {@code logits / temperature}; sums to 1 and keeps the order of the logits. */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The temperature minimising the NLL of the true labels ({@code truth[i]} indexes {@code logits.get(i)}; -1 = unknown, skipped). */
    public static double fit(List<double[]> logits, int[] truth) {
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double a = hi - GOLDEN * (hi - lo);
        double b = lo + GOLDEN * (hi - lo);
        double fa = nll(logits, truth, Math.exp(a));
        double fb = nll(logits, truth, Math.exp(b));
        for (int i = 0; i < 80 && hi - lo > 1e-6; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - GOLDEN * (hi - lo);
                fa = nll(logits, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + GOLDEN * (hi - lo);
                fb = nll(logits, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the true labels at a temperature. */
    public static double nll(List<double[]> logits, int[] truth, double temperature) {
        double total = 0;
        int counted = 0;
        for (int i = 0; i < logits.size(); i++) {
            if (truth[i] < 0) {
                continue;
            }
            double[] p = softmax(logits.get(i), temperature);
            total -= Math.log(Math.max(p[truth[i]], 1e-300));
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }
}
