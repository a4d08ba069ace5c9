package io.closeloop.agents.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.Citation;
import io.closeloop.agents.support.AgentFixtures;
import io.closeloop.agents.support.Interactions;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.account.AccountTier;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lead score learns from won and lost deals and explains each score with factors and interactions. */
@QuarkusTest
class LeadScoreAgentTest {

    @Inject
    CrmFixtures crm;
    @Inject
    AgentFixtures fixtures;
    @Inject
    Interactions interactions;
    @Inject
    LeadScoring scoring;
    @Inject
    AgentDispatcher agents;

    Rep alice;
    Deal smbOpen;
    Deal strategicOpen;
    long kickoff;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("east"));
        for (int i = 0; i < 25; i++) {
            crm.deal(fixtures.tier(crm.account("Smallco", alice), AccountTier.SMB), "Starter", DealStage.CLOSED_WON, alice);
            crm.deal(fixtures.tier(crm.account("Bigcorp", alice), AccountTier.STRATEGIC), "Enterprise", DealStage.CLOSED_LOST, alice);
        }
        Account smb = fixtures.tier(crm.account("Tinyco", alice), AccountTier.SMB);
        smbOpen = crm.deal(smb, "Tinyco starter", DealStage.PROPOSAL, alice);
        strategicOpen = crm.deal(fixtures.tier(crm.account("Hugecorp", alice), AccountTier.STRATEGIC), "Hugecorp platform", DealStage.PROPOSAL, alice);
        kickoff = interactions.add(alice, smb.id, "MEETING", "INBOUND", Instant.now().toString(), "Kick-off", "Kick-off meeting, they want to start in May.");
        scoring.invalidate();
    }

    @Test
    void scoresTheDealInContextWithFactorsAndTheInteractionsBehindThem() {
        AgentAnswer answer = agents.answer(new AgentRequest(alice, "what's the lead score of this deal and why", null, null, smbOpen.id, "lead_score"));

        assertThat(answer.mode()).isEqualTo(AnswerMode.SMALL_MODEL);
        assertThat(answer.text()).startsWith("Tinyco starter (").contains("% likely to be won", "tier=SMB (+", "logistic regression trained on");
        assertThat(answer.citations()).extracting(Citation::interactionId).containsExactly(kickoff);
        assertThat(answer.citations().get(0).link()).isEqualTo("/api/interactions/" + kickoff);

        List<LeadScore> scores = QuarkusTransaction.requiringNew().call(() -> scoring.score(List.of(smbOpen.id, strategicOpen.id)).orElseThrow());
        assertThat(scores.get(0).probabilityWon()).isGreaterThan(0.5).isGreaterThan(scores.get(1).probabilityWon() + 0.2);
        assertThat(scores.get(1).factors()).anySatisfy(f -> {
            assertThat(f.feature()).isEqualTo("tier=STRATEGIC");
            assertThat(f.contribution()).isNegative();
        });
        assertThat(scores.get(0).interactionIds()).containsExactly(kickoff);
    }

    @Test
    void withoutADealRanksTheRepsOpenDealsBestFirst() {
        AgentAnswer answer = agents.answer(new AgentRequest(alice, "rank my leads", null, null, null, "lead_score"));

        assertThat(answer.text().indexOf("Tinyco starter")).isNotNegative().isLessThan(answer.text().indexOf("Hugecorp platform"));
        assertThat(answer.text()).doesNotContain("Starter (", "Enterprise (");
    }

    @Test
    void anotherRepsDealIsNotFound() {
        Rep bob = crm.rep("bob", RepRole.REP, crm.team("west"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agents.answer(new AgentRequest(bob, "score it", null, null, smbOpen.id, "lead_score")))
                .isInstanceOf(ProblemException.class);
    }
}
