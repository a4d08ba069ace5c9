package io.closeloop.guardrails.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a check's verdict is written: in the caller's transaction when there is one (it commits or
 * rolls back with the caller's work, and the caller's commit keeps waiting for the WAL flush), in one
 * transaction of its own otherwise; and the context read as rows still finds the contacts behind the
 * recipients and the text.
 */
@QuarkusTest
class VerdictDurabilityTest {

    @Inject
    GuardrailFixtures fixtures;
    @Inject
    GuardrailService guardrails;
    @Inject
    EntityManager em;

    GuardrailFixtures.Scene scene;

    @BeforeEach
    void setUp() {
        scene = fixtures.scene(false);
    }

    DraftInput email(String to, String body) {
        return new DraftInput("EMAIL", scene.account().id, List.of(to), "Next steps", body, List.of(), List.of());
    }

    long stored(String subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.count("subjectId", subjectId));
    }

    @Test
    void aCheckWithoutACallersTransactionStoresItsVerdictAtOnce() {
        String subject = "own-" + System.nanoTime();
        CheckResult result = guardrails.check(scene.rep(), email(scene.granted().email, "Hi Grace, thanks for your time today."),
                "email-draft", subject);
        assertThat(result.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(stored(subject)).isEqualTo(1);
    }

    @Test
    void inTheCallersTransactionTheVerdictRollsBackWithItAndItsCommitStillWaitsForTheFlush() {
        String subject = "joined-" + System.nanoTime();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            guardrails.check(scene.rep(), email(scene.granted().email, "Hi Grace, thanks for your time today."), "email-draft", subject);
            assertThat(em.createNativeQuery("show synchronous_commit").getSingleResult()).isEqualTo("on");
            throw new IllegalStateException("the caller fails after the check");
        })).hasStackTraceContaining("the caller fails after the check");
        assertThat(stored(subject)).isZero();
    }

    @Test
    void aRecipientWithoutConsentIsStillFoundFromTheRowsOfTheContext() {
        CheckResult result = guardrails.check(scene.rep(), email(scene.withdrawn().email, "Hi, thanks for your time today."),
                "email-draft", "consent-" + System.nanoTime());
        assertThat(result.verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void aContextReadAheadGivesTheSameVerdictsAsOneReadInTheCheck() {
        var ahead = guardrails.prefetch(scene.rep(), scene.account().id, List.of(scene.withdrawn().email));
        assertThat(guardrails.check(scene.rep(), email(scene.withdrawn().email, "Hi, thanks for your time today."), "email-draft",
                "ahead-" + System.nanoTime(), ahead).verdict()).isEqualTo(Verdict.BLOCK);

        var forAnotherRecipient = guardrails.prefetch(scene.rep(), scene.account().id, List.of(scene.granted().email));
        assertThat(guardrails.check(scene.rep(), email(scene.withdrawn().email, "Hi, thanks for your time today."), "email-draft",
                "ahead-" + System.nanoTime(), forAnotherRecipient).verdict())
                .as("a recipient the read-ahead did not cover is looked up by the check").isEqualTo(Verdict.BLOCK);

        var failed = guardrails.prefetch(scene.rep(), -1L, List.of());
        assertThat(failed).failsWithin(java.time.Duration.ofSeconds(10));
        assertThat(guardrails.check(scene.rep(), email(scene.granted().email, "Hi Grace, thanks for your time today."), "email-draft",
                "ahead-" + System.nanoTime(), failed).verdict()).as("a failed read-ahead: the check reads everything itself").isEqualTo(Verdict.ALLOW);
    }
}
