package io.closeloop.guardrails.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The validate-and-repair loop with revisers written here (the agents layer will plug in the LLM):
 * one revision round on BLOCK, the revision validated again, then the safe fallback.
 */
@QuarkusTest
class ValidateAndRepairLoopTest {

    @Inject
    GuardrailFixtures fixtures;

    @Inject
    ValidateAndRepairLoop loop;

    GuardrailFixtures.Scene scene;
    final List<List<FiredRule>> sentToReviser = new ArrayList<>();

    @BeforeEach
    void setUp() {
        scene = fixtures.scene(false);
        sentToReviser.clear();
    }

    DraftInput email(String body) {
        return new DraftInput("EMAIL", scene.account().id, List.of(scene.granted().email), "Next steps", body, List.of(), List.of());
    }

    DraftReviser recording(DraftReviser reviser) {
        return (draft, violations) -> {
            sentToReviser.add(violations);
            return reviser.revise(draft, violations);
        };
    }

    long storedVerdicts(String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.count("subjectId", subjectId));
    }

    @Test
    void anAllowedDraftIsNotSentForRevision() {
        GuardedOutput out = loop.run(scene.rep(), email("Hi Grace, thanks for your time today."), "email-draft", "d-1",
                recording((d, v) -> d));
        assertThat(out.check().verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(out.revisions()).isZero();
        assertThat(sentToReviser).isEmpty();
    }

    @Test
    void aBlockedDraftIsRevisedOnceWithItsViolationsAndTheRevisionValidated() {
        String subject = "loop-" + System.nanoTime();
        GuardedOutput out = loop.run(scene.rep(), email("Hi {{first_name}}, thanks for your time today."), "email-draft", subject,
                recording((d, v) -> d.withText(d.subject(), d.body().replace("{{first_name}}", "Grace"))));
        assertThat(sentToReviser).hasSize(1);
        assertThat(sentToReviser.get(0)).extracting(FiredRule::id).containsExactly("GR-19");
        assertThat(out.revisions()).isEqualTo(1);
        assertThat(out.fallback()).isFalse();
        assertThat(out.check().verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(out.output().body()).isEqualTo("Hi Grace, thanks for your time today.");
        assertThat(storedVerdicts(subject)).isEqualTo(2);
    }

    @Test
    void aRevisionThatIsStillBlockedIsReplacedByTheSafeFallback() {
        GuardedOutput out = loop.run(scene.rep(), email("Hi {{first_name}}, this is a risk-free offer."), "email-draft", "d-3",
                recording((d, v) -> d.withText(d.subject(), d.body().replace("{{first_name}}", "[First Name]"))));
        assertThat(sentToReviser).hasSize(1);
        assertThat(out.fallback()).isTrue();
        assertThat(out.check().verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(out.output().recipients()).isEmpty();
        assertThat(out.output().body()).contains("GR-19").doesNotContain("[First Name]").doesNotContain("risk-free");
    }

    @Test
    void aFailingReviserLeadsToTheSafeFallbackWithoutASecondCheck() {
        String subject = "loop-" + System.nanoTime();
        GuardedOutput out = loop.run(scene.rep(), email("Hi TBD, see you."), "email-draft", subject,
                recording((d, v) -> {
                    throw new IllegalStateException("model timed out");
                }));
        assertThat(out.fallback()).isTrue();
        assertThat(out.revisions()).isZero();
        assertThat(storedVerdicts(subject)).isEqualTo(1);
    }

    @Test
    void automaticRepairsAreAppliedWithoutTheReviser() {
        GuardedOutput out = loop.run(scene.rep(), email("Closeloop Forecast is $700 per seat. HubSpot is garbage for forecasting."),
                "email-draft", "d-5", recording((d, v) -> d));
        assertThat(sentToReviser).isEmpty();
        assertThat(out.check().verdict()).isEqualTo(Verdict.REPAIR);
        assertThat(out.output().body()).isEqualTo(
                "Closeloop Forecast is USD 800.00 per seat. We are happy to walk you through how we compare with HubSpot.");
    }

    @Test
    void approvalIsNotARevisionReason() {
        GuardedOutput out = loop.run(scene.rep(), email("We can give you 15% off Closeloop Insights Pro."), "email-draft", "d-6",
                recording((d, v) -> d));
        assertThat(sentToReviser).isEmpty();
        assertThat(out.check().verdict()).isEqualTo(Verdict.NEEDS_APPROVAL);
        assertThat(out.check().approverId()).isEqualTo(scene.manager().id);
    }
}
