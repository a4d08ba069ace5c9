package io.closeloop.actions.signal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Trains the request detector for tests through the same start-up training path the service
 * uses, from a small real sample (305 sentences of the email-requests training set; see
 * {@code email-requests-sample.NOTICE}), once per test database.
 */
@ApplicationScoped
public class RequestDetectorFixture {

    private final RequestDetector detector;
    private final RequestDetectorTraining training;

    public RequestDetectorFixture(RequestDetector detector, RequestDetectorTraining training) {
        this.detector = detector;
        this.training = training;
    }

    public synchronized void ensureTrained() {
        if (detector.availability().available()) {
            return;
        }
        if (!training.train(sample())) {
            throw new IllegalStateException("the request detector could not be trained from the sample");
        }
    }

    static Path sample() {
        try (InputStream in = RequestDetectorFixture.class.getResourceAsStream("email-requests-sample.tsv")) {
            Path file = Files.createTempFile("email-requests-sample", ".tsv");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
