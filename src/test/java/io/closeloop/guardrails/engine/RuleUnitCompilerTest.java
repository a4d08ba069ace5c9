package io.closeloop.guardrails.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.guardrails.catalogue.InvalidRulesException;
import io.closeloop.guardrails.catalogue.RuleCatalogue;
import io.closeloop.guardrails.catalogue.Severity;
import io.closeloop.guardrails.engine.broken.BrokenReview;
import io.closeloop.guardrails.engine.broken.UncataloguedReview;
import io.closeloop.guardrails.engine.orphan.OrphanReview;
import io.closeloop.guardrails.review.DraftReview;
import io.quarkus.runtime.Startup;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A bad rule must stop the service at start-up: {@link GuardrailEngine} is an eager
 * ({@link Startup}) bean whose constructor runs {@link RuleCatalogue#load} and
 * {@link RuleUnitCompiler#compile}; these tests feed both the broken inputs a rule author can
 * produce and check each is refused with a message that points at the problem.
 */
class RuleUnitCompilerTest {

    @Test
    void aDrlThatDoesNotCompileIsRefusedNamingTheUnitAndTheError() {
        assertThatThrownBy(() -> RuleUnitCompiler.compile(new BrokenReview()))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(BrokenReview.class.getName())
                .hasMessageContaining("lenght");
    }

    @Test
    void aUnitWithoutDrlIsRefused() {
        assertThatThrownBy(() -> RuleUnitCompiler.compile(new OrphanReview()))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("no DRL declaring 'unit OrphanReview'");
    }

    @Test
    void rulesWithoutCatalogueMetadataOrWithReusedIdsAreRefused() {
        assertThatThrownBy(() -> RuleCatalogue.load(UncataloguedReview.class,
                "io/closeloop/guardrails/engine/broken/UncataloguedReview.drl"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("rule id T-01 is used twice")
                .hasMessageContaining("\"An empty word is noticed\" lacks @id");
    }

    @Test
    void theShippedRulesCompileAndEveryRuleIsCatalogued() {
        assertThat(RuleUnitCompiler.compile(new DraftReview())).isNotNull();
        RuleCatalogue catalogue = RuleCatalogue.draftReview();
        assertThat(catalogue.rules()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalogue.rules()).allSatisfy(rule -> {
            assertThat(rule.id()).matches("GR-\\d\\d");
            assertThat(rule.message()).isNotBlank();
            assertThat(rule.remedy()).isNotBlank();
        });
        assertThat(new HashSet<>(catalogue.rules().stream().map(r -> r.id()).toList())).hasSize(catalogue.rules().size());
        assertThat(catalogue.rules().stream().map(r -> r.severity()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Severity.values());
    }

    @Test
    void theEngineIsCreatedAtStartUpNotOnFirstUse() {
        assertThat(GuardrailEngine.class.isAnnotationPresent(Startup.class)).isTrue();
    }
}
