package io.closeloop.agents.classifier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How embedding classifiers are trained, calibrated and evaluated. */
@ConfigMapping(prefix = "closeloop.classifier")
public interface ClassifierConfig {

    /** The Tribuo trainer used when a request names none (see {@link TrainerKind}). */
    @WithDefault("svm-liblinear")
    String defaultTrainer();

    /** Share of each label's examples held out to fit the temperature and report validation metrics. */
    @WithDefault("0.1")
    double validationFraction();

    /** Seed of the stratified split and of stochastic trainers, so a retrain on the same data is reproducible. */
    @WithDefault("42")
    long seed();

    /** Inverse regularisation strength C of the liblinear trainers. */
    @WithDefault("10")
    double cost();

    /** Passes over the data of the SGD trainers. */
    @WithDefault("30")
    int epochs();

    /** Confidence thresholds of the coverage-accuracy curve in the evaluation report. */
    @WithDefault("0.0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95,0.99")
    java.util.List<Double> coverageThresholds();

    /** Equal-width confidence bins of the expected calibration error. */
    @WithDefault("15")
    int calibrationBins();

    /** How many of the most frequent confusion pairs the report lists. */
    @WithDefault("10")
    int topConfusions();

    /** Fewest labelled examples a training set must have (per label: 2, so one can be held out). */
    @WithDefault("4")
    int minExamples();

    /** Longest text accepted in a data set, in characters (longer rows are rejected, not truncated). */
    @WithDefault("4000")
    int maxTextLength();

    /** Texts embedded per batch (the model parallelises inside a batch). */
    @WithDefault("256")
    int embedBatchSize();
}
