package io.closeloop.guardrails.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GuardrailService#checkRecipients}: the recipient rules alone, over the CRM as it is now, for
 * an e-mail about to be sent (the action loop calls it in every sending attempt).
 */
@QuarkusTest
class RecipientCheckTest {

    @Inject
    GuardrailFixtures fixtures;

    @Inject
    GuardrailService guardrails;

    GuardrailFixtures.Scene scene;

    @BeforeEach
    void setUp() {
        scene = fixtures.scene(false);
    }

    private CheckResult check(Long accountId, List<String> recipients) {
        return guardrails.checkRecipients(scene.rep().id, accountId, recipients, "recipients-test", "s1");
    }

    private static List<String> findings(CheckResult result) {
        return result.rules().stream().map(r -> r.id() + ": " + r.detail()).toList();
    }

    @Test
    void aContactWithConsentPassesAndTheVerdictIsStored() {
        CheckResult result = check(scene.account().id, List.of(scene.granted().email.toUpperCase()));
        assertThat(result.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(result.rules()).isEmpty();
        GuardrailVerdict stored = QuarkusTransaction.requiringNew().call(() -> GuardrailVerdict.findById(result.verdictId()));
        assertThat(stored.subjectKind).isEqualTo("recipients-test");
        assertThat(stored.repId).isEqualTo(scene.rep().id);
        assertThat(stored.verdict).isEqualTo("ALLOW");
    }

    @Test
    void contactsWithoutConsentAreBlockedByGr07NamingEach() {
        CheckResult result = check(scene.account().id, List.of(scene.granted().email, scene.withdrawn().email, scene.unknown().email));
        assertThat(result.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(findings(result)).containsExactlyInAnyOrder(
                "GR-07: " + scene.withdrawn().email.toLowerCase() + " has e-mail consent WITHDRAWN",
                "GR-07: " + scene.unknown().email.toLowerCase() + " has e-mail consent UNKNOWN");
    }

    @Test
    void anotherAccountsContactOrAnErasedRecipientIsBlockedByGr08() {
        CheckResult result = check(scene.account().id, List.of(scene.otherContact().email, "[erased]"));
        assertThat(findings(result)).containsExactlyInAnyOrder(
                "GR-08: " + scene.otherContact().email.toLowerCase() + " is not a contact of this account",
                "GR-08: [erased] is not a contact of this account");
    }

    @Test
    void noRecipientIsBlockedByGr09AndADetachedEmailByGr08() {
        assertThat(check(scene.account().id, List.of()).rules()).extracting(FiredRule::id).containsExactly("GR-09");
        assertThat(check(null, List.of(scene.granted().email)).rules()).extracting(FiredRule::id).containsExactly("GR-08");
    }
}
