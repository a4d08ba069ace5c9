package io.closeloop.crm.demo;

import java.util.List;
import java.util.Random;

/**
 * Seeded randomness for the demo generator. {@link Random}'s algorithm is fixed by its
 * specification, so a seed gives the same book on every JVM.
 */
final class Dice {

    private final Random random;

    /** An independent stream for one part of the book, so parts do not shift each other. */
    Dice(long seed, String part) {
        this.random = new Random(seed * 1_000_003L + part.hashCode());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Inclusive range. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    double uniform(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double gaussian(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    /** Log-uniform between min and max: as many values in 1–10 M as in 10–100 M. */
    double logUniform(double min, double max) {
        return Math.exp(uniform(Math.log(min), Math.log(max)));
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
