package io.closeloop.actions.signal;

import io.closeloop.agents.classifier.Classification;
import io.closeloop.agents.classifier.ClassifierService;
import io.closeloop.agents.classifier.ModelInfo;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The open-request signal: the trained {@code email-request-detector} (an embedding classifier of
 * agents/, trained on sentences labelled Yes/No for "asks the recipient for something"). An
 * interaction is split into sentences; its score is the highest calibrated probability of the
 * request label among them (one request in a long mail is an open request). When no version of
 * the detector is stored, the signal is unavailable: nothing else is used in its place, the
 * intake skips it, and {@link #availability()} says why.
 */
@ApplicationScoped
public class RequestDetector {

    private static final Logger LOG = Logger.getLogger(RequestDetector.class);

    private final ClassifierService classifiers;
    private final SignalConfig.RequestDetectorConfig config;
    private volatile boolean warnedUnavailable;

    public RequestDetector(ClassifierService classifiers, SignalConfig config) {
        this.classifiers = classifiers;
        this.config = config.requestDetector();
    }

    /** Whether the detector can score, and which version serves (or why it cannot). */
    public record Availability(boolean available, String model, Integer version, String detail) {
    }

    public Availability availability() {
        ProblemException[] problem = new ProblemException[1];
        Optional<ModelInfo> info = registry(() -> classifiers.find(config.model(), null), problem);
        if (info.isPresent()) {
            return new Availability(true, config.model(), info.get().version(), "serving " + config.model() + " v" + info.get().version());
        }
        String why = problem[0].type() == ProblemType.NOT_FOUND ? "no version of the classifier " + config.model() + " is stored"
                : problem[0].getMessage();
        return new Availability(false, config.model(), null, why
                + config.trainFrom().map(f -> "; it is trained from " + f + " at start (wait for it, or run classifier train)")
                        .orElse("; train it with ./closeloop classifier train --name " + config.model() + " --data <email-requests train.tsv>"));
    }

    /** The probability that the text contains a request, or empty when the detector is unavailable. */
    public Optional<Double> score(String text) {
        List<String> sentences = sentences(text, config.maxSentences());
        if (sentences.isEmpty()) {
            return Optional.of(0.0);
        }
        Optional<List<Classification>> classified = registry(() -> classifiers.classifyAll(config.model(), null, sentences),
                new ProblemException[1]);
        if (classified.isEmpty()) {
            if (!warnedUnavailable) {
                warnedUnavailable = true;
                LOG.warnf("The open-request signal is unavailable: %s", availability().detail());
            }
            return Optional.empty();
        }
        warnedUnavailable = false;
        return Optional.of(classified.get().stream().mapToDouble(c -> probability(c, config.requestLabel())).max().orElse(0));
    }

    /**
     * Calls the classifier registry in its own transaction: a missing model is a problem thrown
     * through a transactional method, which would otherwise mark the caller's transaction (the
     * signal intake's) rollback-only. Problems mean "unavailable" (empty); anything else is thrown.
     */
    private static <T> Optional<T> registry(Supplier<T> call, ProblemException[] problem) {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(call::get));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException p) {
                    problem[0] = p;
                    return Optional.empty();
                }
            }
            throw e;
        }
    }

    private static double probability(Classification c, String label) {
        return c.ranked().stream().filter(s -> s.label().equals(label)).mapToDouble(Classification.ScoredLabel::probability).findFirst().orElse(0);
    }

    /**
     * The sentences of a text: paragraphs (split at blank lines) with their wrapped lines joined,
     * quoted lines ("&gt; ...", earlier mail) left out, then split into sentences.
     */
    static List<String> sentences(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String paragraph : text.split("\\R\\s*\\R")) {
            String joined = paragraph.lines().map(String::strip).filter(l -> !l.startsWith(">")).reduce((a, b) -> a + " " + b).orElse("").strip();
            it.setText(joined);
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = joined.substring(start, end).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                    if (out.size() == max) {
                        return out;
                    }
                }
            }
        }
        return out;
    }
}
