package io.closeloop.agents.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training, versioning, calibrated serving and evaluation against the real database and embedding model. */
@QuarkusTest
class ClassifierServiceTest {

    @Inject
    ClassifierService classifiers;

    @Inject
    LabelledDataReader reader;

    @Inject
    EmbeddingCache embeddings;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void trainsOnASmallDataSetAndClassifiesHeldOutTextsCorrectly() {
        String name = SmallData.uniqueName("support");
        ClassifierService.TrainedVersion trained = classifiers.train(name, SmallData.train(reader), "logistic-liblinear", "test");

        assertEquals(List.of("billing", "shipping", "technical"), trained.model().labels());
        assertEquals(30, trained.model().trainingExamples());
        assertEquals(3, trained.model().validationExamples(), "one of ten per label is held out for calibration");
        EvaluationReport report = classifiers.evaluate(name, null, SmallData.test(reader));
        assertEquals(12, report.examples());
        assertTrue(report.accuracy() >= 10.0 / 12, "held-out accuracy " + report.accuracy() + "\n" + report.toText());
        assertEquals(3, report.perClass().size());
        assertEquals(report.perClass().stream().mapToDouble(EvaluationReport.ClassMetrics::f1).average().orElseThrow(),
                report.macroF1(), 1e-12);
        assertTrue(report.expectedCalibrationError() >= 0 && report.expectedCalibrationError() <= 1);
        EvaluationReport.CoveragePoint all = report.coverage().get(0);
        assertEquals(0.0, all.threshold());
        assertEquals(1.0, all.coverage(), "every text is answered at threshold 0");
        assertEquals(report.accuracy(), all.accuracy(), 1e-12);
    }

    @Test
    void eachTrainingOfANameIsStoredAsItsNextVersionWithItsMetrics() throws Exception {
        String name = SmallData.uniqueName("versions");
        List<LabelledExample> data = SmallData.train(reader);
        ModelInfo first = classifiers.train(name, data, "logistic-liblinear", "alice").model();
        ModelInfo second = classifiers.train(name, data.subList(0, 20), "logistic-sgd", "bob").model();

        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(List.of(2, 1), classifiers.versions(name).stream().map(ModelInfo::version).toList());
        assertEquals(2, classifiers.find(name, null).version(), "no version means the latest");
        assertEquals(List.of("billing", "shipping"), classifiers.find(name, 2).labels(), "version 2 was trained without the technical rows");
        assertEquals("logistic-liblinear", classifiers.find(name, 1).trainer());
        assertEquals(3, classifiers.classify(name, 1, "my invoice is wrong").ranked().size(), "old versions stay servable");
        assertEquals(2, classifiers.classify(name, null, "my invoice is wrong").ranked().size());

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select metrics::text, created_by, length(model), data_sha256 from classifier_model where name = ?1 and version = 1")
                .setParameter(1, name).getSingleResult());
        JsonNode metrics = json.readTree((String) row[0]);
        assertEquals(3, metrics.get("examples").asInt(), "the validation split's report is stored");
        assertTrue(metrics.has("expectedCalibrationError") && metrics.has("coverage") && metrics.has("perClass"));
        assertEquals("alice", row[1]);
        assertTrue(((Number) row[2]).intValue() > 3 * 384 * 4, "the model weights are stored");
        assertEquals(64, ((String) row[3]).length());
    }

    @Test
    void aModelReadBackFromTheDatabaseGivesTheSameProbabilities() {
        String name = SmallData.uniqueName("reload");
        classifiers.train(name, SmallData.train(reader), "svm-liblinear", "test");
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                "select model from classifier_model where name = ?1").setParameter(1, name).getSingleResult());
        double temperature = classifiers.find(name, 1).temperature();
        EmbeddingClassifier reloaded = EmbeddingClassifier.fromBytes(stored, temperature);

        for (LabelledExample example : SmallData.test(reader)) {
            Classification served = classifiers.classify(name, null, example.text());
            Classification fresh = reloaded.classify(embeddings.embed(example.text()));
            assertEquals(served, fresh, example.text());
        }
    }

    @Test
    void calibratedProbabilitiesSumToOneAndRankLabelsAsTheModelScoresDo() {
        String name = SmallData.uniqueName("calibrated");
        classifiers.train(name, SmallData.train(reader), "logistic-sgd", "test");
        EmbeddingClassifier classifier = EmbeddingClassifier.fromBytes(QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager
                .createNativeQuery("select model from classifier_model where name = ?1").setParameter(1, name).getSingleResult()),
                classifiers.find(name, null).temperature());
        assertNotEquals(1.0, classifier.temperature(), "a temperature was fitted");

        for (LabelledExample example : SmallData.test(reader)) {
            float[] vector = embeddings.embed(example.text());
            Classification c = classifier.classify(vector);
            assertEquals(1.0, c.ranked().stream().mapToDouble(Classification.ScoredLabel::probability).sum(), 1e-9);
            double[] logits = classifier.logits(vector);
            List<String> byLogit = classifier.labels().stream()
                    .sorted(Comparator.comparingDouble((String l) -> logits[classifier.indexOf(l)]).reversed()).toList();
            assertEquals(byLogit, c.ranked().stream().map(Classification.ScoredLabel::label).toList(),
                    "calibration keeps the order of the model's scores");
            for (int i = 1; i < c.ranked().size(); i++) {
                assertTrue(c.ranked().get(i - 1).probability() >= c.ranked().get(i).probability());
            }
            assertEquals(c.confidence(), c.ranked().get(0).probability());
        }
    }

    @Test
    void higherConfidenceAnswersAreRightAtLeastAsOftenOnHeldOutData() {
        String name = SmallData.uniqueName("coverage");
        classifiers.train(name, SmallData.train(reader), "logistic-liblinear", "test");
        EvaluationReport report = classifiers.evaluate(name, null, SmallData.test(reader));
        List<EvaluationReport.CoveragePoint> curve = report.coverage();
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).coverage() <= curve.get(i - 1).coverage(), "coverage never grows with the threshold");
            assertTrue(curve.get(i).answered() <= curve.get(i - 1).answered());
        }
        int sum = report.calibration().stream().mapToInt(EvaluationReport.CalibrationBin::count).sum();
        assertEquals(report.examples(), sum, "every text falls into one calibration bin");
    }

    @Test
    void refusesDataThatCannotTrainAClassifier() {
        List<LabelledExample> oneLabel = SmallData.train(reader).stream().filter(e -> e.label().equals("billing")).toList();
        ProblemException single = assertThrows(ProblemException.class, () -> classifiers.train("one-label", oneLabel, null, "test"));
        assertEquals("data", single.errors().get(0).field());

        List<LabelledExample> lonely = new java.util.ArrayList<>(SmallData.train(reader));
        lonely.add(new LabelledExample("a refund please, and the parcel", "mixed"));
        ProblemException singleton = assertThrows(ProblemException.class, () -> classifiers.train("lonely", lonely, null, "test"));
        assertTrue(singleton.errors().get(0).reason().contains("[mixed]"), singleton.getMessage());

        ProblemException trainer = assertThrows(ProblemException.class,
                () -> classifiers.train("trainer", SmallData.train(reader), "random-forest", "test"));
        assertEquals("trainer", trainer.errors().get(0).field());

        ProblemException name = assertThrows(ProblemException.class,
                () -> classifiers.train("Bad Name!", SmallData.train(reader), null, "test"));
        assertEquals("name", name.errors().get(0).field());
        assertTrue(classifiers.versions("one-label").isEmpty() && classifiers.versions("lonely").isEmpty(), "nothing is stored");
    }

    @Test
    void refusesToServeAModelTrainedOnOtherEmbeddings() {
        String name = SmallData.uniqueName("foreign");
        classifiers.train(name, SmallData.train(reader), null, "test");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into classifier_model (name, version, trainer, embedding_model, labels, temperature, training_examples,"
                        + " validation_examples, data_sha256, metrics, model, created_by)"
                        + " select name, 2, trainer, 'all-minilm-l6-v2-q', labels, temperature, training_examples, validation_examples,"
                        + " data_sha256, metrics, model, created_by from classifier_model where name = ?1")
                .setParameter(1, name).executeUpdate());

        ProblemException refused = assertThrows(ProblemException.class, () -> classifiers.classify(name, null, "refund please"));
        assertEquals(ProblemType.UNPROCESSABLE, refused.type());
        assertTrue(refused.getMessage().contains("all-minilm-l6-v2-q"), refused.getMessage());
        assertEquals("billing", classifiers.classify(name, 1, "refund my duplicate charge please").label());
    }

    @Test
    void embeddingsAreCachedByModelAndText() {
        String text = "a sentence only this test embeds " + SmallData.uniqueName("x");
        float[] first = embeddings.embedAll(List.of(text, text)).get(0);
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from classifier_embedding where text_sha256 = ?1").setParameter(1, EmbeddingCache.sha256(text))
                .getSingleResult()).longValue());
        assertEquals(1, rows);
        assertArrayEquals(first, embeddings.embedAll(List.of(text)).get(0));
        assertArrayEquals(embeddings.embed(text), first, 1e-6f);
    }
}
