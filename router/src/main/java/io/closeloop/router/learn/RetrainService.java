package io.closeloop.router.learn;

import io.closeloop.agents.classifier.Classification;
import io.closeloop.agents.classifier.ClassifierService;
import io.closeloop.agents.classifier.EvaluationReport;
import io.closeloop.agents.classifier.LabelledExample;
import io.closeloop.router.config.RouterConfig;
import io.closeloop.router.intents.Intent;
import io.closeloop.router.intents.IntentTaxonomy;
import io.closeloop.router.policy.IntentThreshold;
import io.closeloop.router.policy.ServingModel;
import io.closeloop.router.policy.ServingModels;
import io.closeloop.router.policy.ThresholdCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Champion/challenger retraining of the intent classifier. The challenger is trained on the
 * taxonomy's training set plus every feedback candidate whose label the taxonomy knows, evaluated
 * on the held-out test set (never trained on) next to the champion, and promoted only if it does
 * not regress: held-out accuracy and macro-F1 both at least the champion's. Its per-intent
 * thresholds are computed from that evaluation and stored with its version either way.
 */
@ApplicationScoped
public class RetrainService {

    private static final Logger LOG = Logger.getLogger(RetrainService.class);

    private final ClassifierService classifiers;
    private final IntentTaxonomy taxonomy;
    private final ServingModels models;
    private final RouterConfig config;
    private final EntityManager entityManager;

    public RetrainService(ClassifierService classifiers, IntentTaxonomy taxonomy, ServingModels models, RouterConfig config,
            EntityManager entityManager) {
        this.classifiers = classifiers;
        this.taxonomy = taxonomy;
        this.models = models;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** The serving model; on the very first use, trains and promotes version one from the taxonomy. */
    public ServingModel serving() {
        Optional<ServingModel> current = models.current(config.modelName());
        if (current.isPresent()) {
            return current.get();
        }
        synchronized (this) {
            return models.current(config.modelName()).orElseGet(() -> {
                retrain("bootstrap");
                return models.current(config.modelName()).orElseThrow();
            });
        }
    }

    public synchronized RetrainOutcome retrain(String requestedBy) {
        String name = config.modelName();
        Optional<ServingModel> champion = models.current(name);
        List<LabelledExample> candidates = candidates();
        List<LabelledExample> data = new ArrayList<>(taxonomy.training());
        int trainingExamples = data.size();
        data.addAll(candidates);
        int challenger = classifiers.train(name, data, null, requestedBy).model().version();

        List<LabelledExample> heldOut = taxonomy.heldOut();
        EvaluationReport challengerReport = classifiers.evaluate(name, challenger, heldOut);
        EvaluationReport championReport = champion.map(c -> classifiers.evaluate(name, c.version(), heldOut)).orElse(null);
        List<IntentThreshold> thresholds = thresholds(name, challenger, heldOut);
        models.storeThresholds(name, challenger, thresholds);

        boolean promoted;
        String reason;
        if (championReport == null) {
            promoted = true;
            reason = "no champion yet: the first version serves";
        } else if (challengerReport.accuracy() >= championReport.accuracy()
                && challengerReport.macroF1() >= championReport.macroF1()) {
            promoted = true;
            reason = String.format(java.util.Locale.ROOT, "no regression on the held-out set: accuracy %.4f >= %.4f, macro-F1 %.4f >= %.4f",
                    challengerReport.accuracy(), championReport.accuracy(), challengerReport.macroF1(), championReport.macroF1());
        } else {
            promoted = false;
            reason = String.format(java.util.Locale.ROOT, "regression on the held-out set: accuracy %.4f vs champion %.4f, macro-F1 %.4f vs %.4f",
                    challengerReport.accuracy(), championReport.accuracy(), challengerReport.macroF1(), championReport.macroF1());
        }
        if (promoted) {
            models.promote(name, challenger);
        }
        RetrainOutcome outcome = new RetrainOutcome(name, champion.map(ServingModel::version).orElse(null), challenger,
                championReport == null ? null : championReport.accuracy(), challengerReport.accuracy(),
                championReport == null ? null : championReport.macroF1(), challengerReport.macroF1(), trainingExamples,
                candidates.size(), promoted, reason, thresholds);
        record(outcome);
        LOG.infof("intent classifier %s v%d %s: %s", name, challenger, promoted ? "promoted" : "kept as challenger", reason);
        return outcome;
    }

    /** Thresholds of a stored version from its held-out classifications. */
    public List<IntentThreshold> thresholds(String name, int version, List<LabelledExample> heldOut) {
        List<Classification> classified = classifiers.classifyAll(name, version, heldOut.stream().map(LabelledExample::text).toList());
        List<ThresholdCalculator.Scored> scored = new ArrayList<>(heldOut.size());
        for (int i = 0; i < heldOut.size(); i++) {
            scored.add(new ThresholdCalculator.Scored(heldOut.get(i).label(), classified.get(i).label(), classified.get(i).confidence()));
        }
        List<String> intents = taxonomy.intents().stream().map(Intent::id).toList();
        return new ThresholdCalculator(config.targetPrecision(), config.minAnswered()).thresholds(intents, scored);
    }

    @Transactional
    List<LabelledExample> candidates() {
        Set<String> known = taxonomy.intents().stream().map(Intent::id).collect(Collectors.toSet());
        return IntentCandidate.<IntentCandidate>listAll().stream().filter(c -> known.contains(c.label))
                .map(c -> new LabelledExample(c.text, c.label)).toList();
    }

    @Transactional
    void record(RetrainOutcome o) {
        entityManager.createNativeQuery("""
                insert into intent_retraining (model_name, champion_version, challenger_version, champion_accuracy, challenger_accuracy,
                    champion_macro_f1, challenger_macro_f1, candidates, promoted, reason)
                values (?1, cast(?2 as integer), ?3, cast(?4 as double precision), ?5, cast(?6 as double precision), ?7, ?8, ?9, ?10)""")
                .setParameter(1, o.model()).setParameter(2, o.championVersion()).setParameter(3, o.challengerVersion())
                .setParameter(4, o.championAccuracy()).setParameter(5, o.challengerAccuracy()).setParameter(6, o.championMacroF1())
                .setParameter(7, o.challengerMacroF1()).setParameter(8, o.candidates()).setParameter(9, o.promoted())
                .setParameter(10, o.reason()).executeUpdate();
    }
}
