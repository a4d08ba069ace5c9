package io.closeloop.guardrails.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.erasure.Redaction;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Erasing a contact redacts guardrail verdict text that names them, in their account and elsewhere; rows stay. */
@QuarkusTest
class GuardrailErasureHookTest {

    @Inject
    CrmFixtures fixtures;

    @Test
    void erasureRedactsVerdictDetailsButKeepsTheVerdicts() {
        Rep rep = fixtures.rep("rep", RepRole.REP, null);
        Rep admin = fixtures.rep("admin", RepRole.ADMIN, null);
        Account account = fixtures.account("Verdict Co", rep);
        Account elsewhere = fixtures.account("Elsewhere Co", rep);
        Contact dana = fixtures.contact(account, CrmFixtures.unique("Dana"), EmailConsent.GRANTED);
        String name = dana.firstName + " " + dana.lastName;
        long inAccount = verdict(account.id, "[{\"id\":\"consent\",\"message\":\"Draft e-mails " + dana.email + "\"}]");
        long otherAccount = verdict(elsewhere.id, "[{\"id\":\"tone\",\"message\":\"mentions " + name + " by name\"}]");
        long unrelated = verdict(elsewhere.id, "[{\"id\":\"tone\",\"message\":\"fine\"}]");

        given().auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD)
                .delete("/api/admin/contacts/{id}", dana.id).then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> {
            GuardrailVerdict first = GuardrailVerdict.findById(inAccount);
            GuardrailVerdict second = GuardrailVerdict.findById(otherAccount);
            assertThat(first.details).doesNotContain(dana.email).contains(Redaction.MARK);
            assertThat(second.details).doesNotContain(name).contains(Redaction.MARK);
            assertThat(((GuardrailVerdict) GuardrailVerdict.findById(unrelated)).details).contains("fine");
            assertThat(first.verdict).isEqualTo("BLOCK");
        });
    }

    private static long verdict(Long accountId, String details) {
        return QuarkusTransaction.requiringNew().call(() -> {
            GuardrailVerdict v = new GuardrailVerdict();
            v.subjectKind = "draft";
            v.accountId = accountId;
            v.verdict = "BLOCK";
            v.details = details;
            v.persist();
            return v.id;
        });
    }
}
