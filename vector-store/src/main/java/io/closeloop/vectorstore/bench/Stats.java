package io.closeloop.vectorstore.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and spread of a sample, for benchmark reports. */
record Stats(double median, double p95, double min, double max, double q1, double q3, int n) {

    static Stats of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Stats(pct(v, 50), pct(v, 95), v[0], v[v.length - 1], pct(v, 25), pct(v, 75), v.length);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** "median (IQR q1–q3, min–max, n)". */
    String describe(String format) {
        return String.format(Locale.ROOT, format + " (IQR " + format + "–" + format + ", range " + format + "–" + format + ", n=%d)",
                median, q1, q3, min, max, n);
    }
}
