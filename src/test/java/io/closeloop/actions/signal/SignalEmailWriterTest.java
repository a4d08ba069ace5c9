package io.closeloop.actions.signal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.action.Action;
import io.closeloop.agents.assistant.EmailText;
import io.closeloop.agents.assistant.LlmAgent;
import io.closeloop.agents.support.LlmOnlineProfile;
import io.closeloop.agents.support.ScriptedLlmServer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a language model configured, a signal's retention e-mail is written by the LLM agent (the
 * scripted OpenAI-compatible server) and recorded as such; when the model fails, the template is
 * drafted and recorded as the template.
 */
@QuarkusTest
@TestProfile(LlmOnlineProfile.class)
class SignalEmailWriterTest {

    @Inject
    CrmFixtures crm;

    @Inject
    SignalIntake intake;

    Account account;
    Contact contact;

    @BeforeEach
    void setUp() {
        ScriptedLlmServer.server().resetAll();
        Rep owner = crm.rep("llmsignal", RepRole.REP, crm.team("llmsignal"));
        account = crm.account("LLM Signal Co", owner);
        contact = crm.contact(account, "Sam", EmailConsent.GRANTED);
    }

    @Test
    void churnRetentionEmailIsWrittenByTheLlmAgentForTheSignalsRecipient() {
        String body = "Hello Sam,\n\nthe outages you describe are not acceptable to us either. Could we call this week?\n";
        ScriptedLlmServer.server().stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).willReturn(okJson(ScriptedLlmServer.completion(
                ScriptedLlmServer.json(new EmailText("Your concerns about the outages", body, List.of(), "acknowledges the outages"))))));

        Action action = draftFromChurnEmail();

        assertThat(action.agent).isEqualTo(LlmAgent.NAME);
        assertThat(action.subject).isEqualTo("Your concerns about the outages");
        assertThat(action.body).isEqualTo(body);
        assertThat(action.recipients).containsExactly(contact.email);
        assertThat(action.route).isEqualTo("signal/churn-risk");
        // one call (the agents' fault-tolerance policy may retry an attempt that timed out on a loaded machine)
        assertThat(ScriptedLlmServer.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.toString()).contains("retention e-mail").contains("cancelling our contract"));
    }

    @Test
    void whenTheModelFailsTheTemplateIsDraftedAndSaysSo() {
        ScriptedLlmServer.server().stubFor(post(urlEqualTo(ScriptedLlmServer.PATH)).willReturn(aResponse().withStatus(500)));

        Action action = draftFromChurnEmail();

        assertThat(action.agent).isEqualTo(SignalActions.AGENT);
        assertThat(action.subject).isEqualTo("Following up on your concerns");
        assertThat(action.body).contains("what has not worked for " + account.name);
        assertThat(action.recipients).containsExactly(contact.email);
    }

    private Action draftFromChurnEmail() {
        Instant now = Instant.now();
        List<Long> drafted = intake.onInteraction(new InteractionSignal(SignalEvents.nextInteractionId(), account.id, contact.id, null,
                "EMAIL", "INBOUND", now, "Contract", SignalDetectionTest.CHURN, contact.email, null, now));
        assertThat(drafted).hasSize(1);
        return QuarkusTransaction.requiringNew().call(() -> {
            Action a = Action.findById(drafted.get(0));
            a.recipients.size();
            return a;
        });
    }
}
