package io.closeloop.agents.small;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.FieldUpdate;
import io.closeloop.agents.api.NoteProposal;
import io.closeloop.agents.api.TaskProposal;
import io.closeloop.agents.support.AgentFixtures;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The small agents answer from CRM data with the rep's permissions and only propose changes. */
@QuarkusTest
class SmallAgentsTest {

    @Inject
    CrmFixtures crm;
    @Inject
    AgentFixtures fixtures;
    @Inject
    AgentDispatcher agents;

    Rep alice;
    Rep bob;
    Account acme;
    Contact dana;
    Deal renewal;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        Team east = crm.team("east");
        alice = crm.rep("alice", RepRole.REP, east);
        bob = crm.rep("bob", RepRole.REP, east);
        acme = crm.account("Zephyrine Logistics", alice);
        dana = fixtures.person(acme, "Dana", "Whitfield", null);
        renewal = fixtures.closeOn(crm.deal(acme, "Platform renewal", DealStage.PROPOSAL, alice), today.plusDays(10), new BigDecimal("40000.00"));
        fixtures.closeOn(crm.deal(acme, "Pilot", DealStage.CLOSED_WON, alice), today.minusDays(30), new BigDecimal("5000.00"));
    }

    AgentAnswer ask(Rep rep, String message, String intent) {
        return agents.answer(new AgentRequest(rep, message, null, null, null, intent));
    }

    @Test
    void looksUpAnAccountNamedInTheMessageOnlyForRepsWhoMaySeeIt() {
        AgentAnswer answer = ask(alice, "show me " + acme.name + " please", "lookup_account_or_deal");

        assertThat(answer.mode()).isEqualTo(AnswerMode.SMALL_MODEL);
        assertThat(answer.agent()).isEqualTo("lookup");
        assertThat(answer.text()).startsWith(acme.name).contains("Platform renewal: PROPOSAL, 40000.00 USD", "Dana Whitfield, VP Operations");
        assertThat(ask(bob, "show me " + acme.name, "lookup_account_or_deal").text()).startsWith("I could not find an account");
    }

    @Test
    void anotherRepsAccountInContextIsNotFound() {
        assertThatThrownBy(() -> agents.answer(new AgentRequest(bob, "show it", acme.id, null, null, "lookup_account_or_deal")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("does not exist or is not visible");
    }

    @Test
    void pipelineSummarySumsOnlyVisibleDeals() {
        AgentAnswer mine = ask(alice, "how is my pipeline", "pipeline_summary");
        assertThat(mine.text()).contains("- PROPOSAL: 1 deals, 40000.00", "Total open: 40000.00", "Closing in the next 30 days: 1 deals, 40000.00",
                "Win rate of closed deals: 100% (1 won, 0 lost)");
        assertThat(ask(bob, "how is my pipeline", "pipeline_summary").text()).contains("Total open: 0", "no closed deals yet");
    }

    @Test
    void logsAnActivityMatchedToAccountContactAndDeal() {
        AgentAnswer answer = ask(alice, "Had a call with Dana at " + acme.name + " yesterday about the platform renewal, she wants a 3 year term",
                "log_activity");

        assertThat(answer.actions()).singleElement().isInstanceOfSatisfying(NoteProposal.class, n -> {
            assertThat(n.channel()).isEqualTo("CALL");
            assertThat(n.accountId()).isEqualTo(acme.id);
            assertThat(n.contactId()).isEqualTo(dana.id);
            assertThat(n.dealId()).isEqualTo(renewal.id);
            assertThat(n.occurredAt()).isEqualTo(today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(n.summary()).contains("3 year term");
        });
    }

    @Test
    void proposesOnlyTheFieldChangesTheMessageNames() {
        AgentAnswer answer = ask(alice, "move the " + acme.name + " platform renewal to negotiation, close date end of quarter, amount $48,000",
                "update_field");

        LocalDate endOfQuarter = today.withMonth(((today.getMonthValue() - 1) / 3 + 1) * 3).with(TemporalAdjusters.lastDayOfMonth());
        assertThat(answer.actions()).hasSize(3).allSatisfy(a -> assertThat(((FieldUpdate) a).entityId()).isEqualTo(renewal.id));
        assertThat(answer.actions()).map(a -> (FieldUpdate) a).extracting(FieldUpdate::field, FieldUpdate::currentValue, FieldUpdate::proposedValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stage", "PROPOSAL", "NEGOTIATION"),
                        org.assertj.core.groups.Tuple.tuple("closeDate", today.plusDays(10).toString(), endOfQuarter.toString()),
                        org.assertj.core.groups.Tuple.tuple("amount", "40000.00", "48000"));
        AgentAnswer onlyStage = ask(alice, "mark " + acme.name + " platform renewal as negotiation", "update_field");
        assertThat(onlyStage.actions()).singleElement().extracting(a -> ((FieldUpdate) a).field()).isEqualTo("stage");
    }

    @Test
    void createsATaskForTheRequesterWithTheDueDateAndRecords() {
        AgentAnswer answer = ask(alice, "remind me to send the SOC 2 report to Dana at " + acme.name + " in 3 days", "create_task");

        assertThat(answer.actions()).singleElement().isInstanceOfSatisfying(TaskProposal.class, t -> {
            assertThat(t.ownerId()).isEqualTo(alice.id);
            assertThat(t.subject()).startsWith("Send the SOC 2 report to Dana");
            assertThat(t.dueDate()).isEqualTo(today.plusDays(3));
            assertThat(t.accountId()).isEqualTo(acme.id);
            assertThat(t.contactId()).isEqualTo(dana.id);
        });
    }

    @Test
    void unknownIntentAndEmptyMessageAreRejectedWithTheField() {
        assertThatThrownBy(() -> ask(alice, "hello", "fly_to_the_moon")).isInstanceOf(ProblemException.class).hasMessageStartingWith("intent:");
        assertThatThrownBy(() -> ask(alice, "  ", "pipeline_summary")).isInstanceOf(ProblemException.class).hasMessageStartingWith("message:");
    }
}
