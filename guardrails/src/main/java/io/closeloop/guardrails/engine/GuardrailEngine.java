package io.closeloop.guardrails.engine;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.closeloop.guardrails.catalogue.RuleCatalogue;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.review.DraftReview;
import io.closeloop.guardrails.review.ReviewFacts;
import io.closeloop.guardrails.review.RuleHit;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.jboss.logging.Logger;

/**
 * Runs the guardrail rules over the facts of one output. The rules are compiled and the
 * catalogue checked when the service starts ({@link Startup}): a DRL that does not compile or a
 * rule without catalogue metadata fails the start, never a request. A {@link Singleton} (no client
 * proxy), so the constructor, which compiles, runs once.
 */
@Startup
@Singleton
public class GuardrailEngine {

    private static final Logger LOG = Logger.getLogger(GuardrailEngine.class);

    private final RuleCatalogue catalogue;
    private final RuleUnit<DraftReview> draftReview;

    public GuardrailEngine() {
        long start = System.nanoTime();
        this.catalogue = RuleCatalogue.draftReview();
        this.draftReview = RuleUnitCompiler.compile(new DraftReview());
        LOG.infof("Guardrail rules compiled: %d rules in %d ms", catalogue.rules().size(), (System.nanoTime() - start) / 1_000_000);
    }

    public RuleCatalogue catalogue() {
        return catalogue;
    }

    /** The fired rules for these facts with their catalogue entries, most severe first. */
    @WithSpan("closeloop.guardrails.rules")
    public List<FiredRule> evaluate(ReviewFacts facts) {
        return review(facts).stream()
                .map(hit -> FiredRule.of(catalogue.byName(hit.rule()), hit))
                .sorted(Comparator.comparing(FiredRule::severity).reversed().thenComparing(FiredRule::id))
                .toList();
    }

    /** The verdict of a set of fired rules: the most severe wins; none (or only flags) allows. */
    public static Verdict verdictOf(List<FiredRule> fired) {
        Verdict verdict = Verdict.ALLOW;
        for (FiredRule rule : fired) {
            verdict = verdict.worst(rule.severity().verdict());
        }
        return verdict;
    }

    /** Every rule hit for these facts, duplicates (same rule, same finding) removed, in firing order. */
    public List<RuleHit> review(ReviewFacts facts) {
        try (RuleUnitInstance<DraftReview> instance = draftReview.createInstance(new DraftReview(facts))) {
            instance.fire();
            LinkedHashSet<RuleHit> hits = new LinkedHashSet<>();
            for (Object hit : instance.executeQuery("ruleHits").toList("$hit")) {
                hits.add((RuleHit) hit);
            }
            return List.copyOf(hits);
        }
    }
}
