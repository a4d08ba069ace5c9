package io.closeloop.agents.classifier;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The Tribuo trainers a classifier can be built with. All learn over the embedding vector; the
 * optimisation is Tribuo's (liblinear or its SGD), never ours.
 */
public enum TrainerKind {
    /** L2-regularised logistic regression, liblinear's trust-region Newton solver (one-vs-rest). */
    LOGISTIC_LIBLINEAR("logistic-liblinear"),
    /** L2-regularised linear SVM (squared hinge, dual), liblinear; scores are margins, calibrated by temperature. */
    SVM_LIBLINEAR("svm-liblinear"),
    /** Multinomial logistic regression trained by Tribuo's SGD with AdaGrad. */
    LOGISTIC_SGD("logistic-sgd"),
    /** A factorisation machine (pairwise feature interactions) with the multinomial log loss, Tribuo SGD. */
    FACTORIZATION_MACHINE_SGD("fm-sgd");

    private final String id;

    TrainerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TrainerKind parse(String id) {
        for (TrainerKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        return null;
    }

    public static String choices() {
        return Arrays.stream(values()).map(TrainerKind::id).collect(Collectors.joining(", "));
    }

    Trainer<Label> trainer(ClassifierConfig config) {
        return switch (this) {
            case LOGISTIC_LIBLINEAR -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearType.L2R_LR), config.cost(), 1000, 0.01);
            case SVM_LIBLINEAR -> new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearType.L2R_L2LOSS_SVC_DUAL), config.cost() / 10, 1000, 0.01);
            case LOGISTIC_SGD -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                    config.epochs(), -1, 1, config.seed());
            case FACTORIZATION_MACHINE_SGD -> new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                    config.epochs(), -1, 1, config.seed(), 16, 0.1);
        };
    }
}
