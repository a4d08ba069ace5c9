package io.closeloop.actions.signal;

import io.closeloop.agents.classifier.ClassifierService;
import io.closeloop.agents.classifier.DataFormat;
import io.closeloop.agents.classifier.LabelledDataReader;
import io.closeloop.agents.classifier.LabelledExample;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes the request detector exist without a manual step: at start, when
 * {@code closeloop.signals.request-detector.train-from} names a labelled file and no version of
 * the detector is stored, it is trained from that file in the background (about 3 minutes for the
 * 3,656 email-requests sentences on a 2-core machine, once: the embeddings are cached). Until it
 * is stored the open-request signal is unavailable and says so; the other signals run meanwhile.
 * {@code ./closeloop run} points it at {@code ../shared/data/email-requests/train.tsv}.
 */
@ApplicationScoped
public class RequestDetectorTraining {

    private static final Logger LOG = Logger.getLogger(RequestDetectorTraining.class);

    private final RequestDetector detector;
    private final ClassifierService classifiers;
    private final LabelledDataReader reader;
    private final SignalConfig.RequestDetectorConfig config;

    public RequestDetectorTraining(RequestDetector detector, ClassifierService classifiers, LabelledDataReader reader, SignalConfig config) {
        this.detector = detector;
        this.classifiers = classifiers;
        this.reader = reader;
        this.config = config.requestDetector();
    }

    void onStart(@Observes StartupEvent start) {
        config.trainFrom().filter(f -> !f.isBlank()).ifPresent(file -> {
            if (detector.availability().available()) {
                return;
            }
            Thread training = new Thread(() -> train(Path.of(file)), "request-detector-training");
            training.setDaemon(true);
            training.start();
        });
    }

    /** Trains the detector from a labelled file; false (logged) when the file cannot be used. */
    public boolean train(Path file) {
        if (!Files.isReadable(file)) {
            LOG.warnf("The open-request signal stays unavailable: %s is not a readable file (closeloop.signals.request-detector.train-from)",
                    file.toAbsolutePath());
            return false;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<LabelledExample> examples = reader.read(in, DataFormat.ofFileName(file.getFileName().toString()), "train-from");
            LOG.infof("Training the request detector %s from %s (%d sentences); the open-request signal is unavailable until it is stored",
                    config.model(), file, examples.size());
            ClassifierService.TrainedVersion trained = classifiers.train(config.model(), examples, null, "request-detector-training");
            LOG.infof("Request detector %s v%d stored (validation accuracy %.4f); the open-request signal is available",
                    config.model(), trained.model().version(), trained.validation().accuracy());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "The open-request signal stays unavailable: training %s from %s failed", config.model(), file);
            return false;
        }
    }
}
