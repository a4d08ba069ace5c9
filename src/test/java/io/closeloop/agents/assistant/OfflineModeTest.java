package io.closeloop.agents.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.api.EmailDraft;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.agents.llm.LlmCall;
import io.closeloop.agents.llm.LlmProviders;
import io.closeloop.agents.support.AgentFixtures;
import io.closeloop.agents.support.Interactions;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service starts without any LLM configuration and answers LLM requests honestly offline. */
@QuarkusTest
class OfflineModeTest {

    @Inject
    CrmFixtures crm;
    @Inject
    AgentFixtures fixtures;
    @Inject
    Interactions history;
    @Inject
    AgentDispatcher agents;
    @Inject
    LlmProviders providers;

    Rep alice;
    Account acme;
    Contact dana;
    long review;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("east"));
        acme = crm.account("Acme Freight", alice);
        dana = fixtures.person(acme, "Dana", "Whitfield", null);
        review = history.add(alice, acme.id, "EMAIL", "INBOUND", "2026-11-10T09:00:00Z", "Security review",
                "Dana asked for the SOC 2 report before the renewal.");
    }

    @Test
    void draftEmailIsATemplateFilledWithRetrievedFactsAndSaysSo() {
        assertThat(providers.anyConfigured()).isFalse();

        AgentAnswer answer = agents.answer(new AgentRequest(alice, "Draft a follow-up to Dana about the security review", acme.id, dana.id, null,
                "draft_email"));

        assertThat(answer.mode()).isEqualTo(AnswerMode.OFFLINE);
        assertThat(answer.agent()).isEqualTo(OfflineDrafts.AGENT);
        assertThat(answer.usage()).isNull();
        assertThat(answer.notice()).startsWith("Offline mode: no language model is configured for draft-email.")
                .contains("not text written by a language model", "cannot write new text");
        assertThat(answer.citations()).extracting(Citation::interactionId).containsExactly(review);
        assertThat(answer.actions()).singleElement().isInstanceOfSatisfying(EmailDraft.class, d -> {
            assertThat(d.to()).isEqualTo(dana.email);
            assertThat(d.subject()).isEqualTo("Re: Security review");
            assertThat(d.body()).startsWith("Hi Dana,").contains("our email on 2026-11-10 (\"Security review\")").endsWith(alice.fullName);
            assertThat(d.evidenceIds()).containsExactly(review);
        });
        assertThat(answer.text()).contains("Account: " + acme.name, "2026-11-10 email \"Security review\" [" + review + "]");
        assertThat(QuarkusTransaction.requiringNew().call(() -> LlmCall.count("repId", alice.id))).isZero();
    }

    @Test
    void nextBestActionOfflineProposesReplyingToTheLatestInboundMessage() {
        AgentAnswer answer = agents.answer(new AgentRequest(alice, "What should I do next on Acme?", acme.id, null, null, "next_best_action"));

        assertThat(answer.mode()).isEqualTo(AnswerMode.OFFLINE);
        assertThat(answer.actions()).singleElement().isInstanceOfSatisfying(TaskProposal.class, t -> {
            assertThat(t.subject()).isEqualTo("Reply to \"Security review\"");
            assertThat(t.ownerId()).isEqualTo(alice.id);
            assertThat(t.evidenceIds()).containsExactly(review);
        });
    }

    @Test
    void summaryOfflineListsFactsWithoutInventingAnyText() {
        AgentAnswer answer = agents.answer(new AgentRequest(alice, "Summarise Acme", acme.id, null, null, "summarize_account"));

        assertThat(answer.mode()).isEqualTo(AnswerMode.OFFLINE);
        assertThat(answer.actions()).isEmpty();
        assertThat(answer.text()).isEqualTo("Account: " + acme.name + " (Software)\nRelevant interactions:\n- 2026-11-10 email \"Security review\" [" + review + "]");
    }
}
