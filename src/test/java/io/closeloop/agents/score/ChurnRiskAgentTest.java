package io.closeloop.agents.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.api.Citation;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.vectorstore.demo.DemoBook;
import io.closeloop.vectorstore.demo.DemoChurnOutcomes;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator.Story;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.Interaction;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Churn risk on a realistic fixture: 40 accounts whose interactions and renewal outcomes are
 * written by the demo generators (the same stories, signals and noise as the demo book), stored
 * through the real ingestion pipeline. Churning accounts score above healthy ones, the evidence
 * links are interactions of the account scored, and another rep gets nothing.
 */
@QuarkusTest
class ChurnRiskAgentTest {

    static final long SEED = 42;
    static final int ACCOUNTS = 40;

    @Inject
    CrmFixtures crm;
    @Inject
    IngestionPipeline pipeline;
    @Inject
    DemoChurnOutcomes outcomes;
    @Inject
    ChurnScoring scoring;
    @Inject
    AgentDispatcher agents;

    static Rep owner;
    static List<Long> accountIds;
    static Map<Long, Story> stories;

    @BeforeEach
    void setUp() {
        if (owner != null) {
            return; // one book for the class: embedding ~600 interactions is the slow part
        }
        Team team = crm.team("churn");
        Rep rep = crm.rep("keeper", RepRole.REP, team);
        List<DemoBook.DemoAccount> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Account a = crm.account("Churn Fixture " + i, rep);
            List<DemoBook.DemoContact> contacts = new ArrayList<>();
            for (String first : List.of("Chris", "Robin")) {
                Contact c = crm.contact(a, first, EmailConsent.GRANTED);
                contacts.add(new DemoBook.DemoContact(c.id, first, c.email.toLowerCase(), "Head of Sales"));
            }
            accounts.add(new DemoBook.DemoAccount(a.id, a.name, a.domain, rep.fullName, rep.email, contacts, List.of()));
        }
        DemoBook book = new DemoBook(accounts, List.of("Closeloop Suite", "Forecasting Add-on"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String run = CrmFixtures.unique("churn");
        List<InteractionInput> inputs = new DemoInteractionGenerator(SEED, book, now).generate(ACCOUNTS * 15, 0).stream()
                .map(i -> new InteractionInput(run + "-" + i.externalId(), i.source(), i.channel(), i.direction(), i.occurredAt(), i.accountId(),
                        i.contactId(), i.dealId(), i.subject(), i.body(), i.threadId(), i.fromEmail(), i.fromName(), i.toEmails(), i.companyName()))
                .toList();
        int written = QuarkusTransaction.requiringNew().call(() -> outcomes.write(SEED, book, now));
        assertThat(written).isEqualTo(ACCOUNTS);
        for (int from = 0; from < inputs.size(); from += 100) {
            List<IngestResult> stored = pipeline.ingest(inputs.subList(from, Math.min(inputs.size(), from + 100)), IngestPath.DEMO, null);
            assertThat(stored).allMatch(IngestResult::stored);
        }
        List<Story> byIndex = DemoInteractionGenerator.stories(SEED, ACCOUNTS);
        stories = new java.util.HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            stories.put(accounts.get(i).id(), byIndex.get(i));
        }
        accountIds = accounts.stream().map(DemoBook.DemoAccount::id).toList();
        scoring.invalidate();
        owner = rep;
    }

    List<ChurnRisk> risks() {
        return QuarkusTransaction.requiringNew().call(() -> scoring.score(accountIds).orElseThrow());
    }

    double mean(List<ChurnRisk> risks, Story story) {
        return risks.stream().filter(r -> stories.get(r.accountId()) == story).mapToDouble(ChurnRisk::probabilityChurn).average().orElseThrow();
    }

    @Test
    void churningAccountsScoreAboveHealthyOnesWithEvidenceFromTheirOwnInteractions() {
        List<ChurnRisk> risks = risks();
        assertThat(risks).hasSize(ACCOUNTS);
        double churning = mean(risks, Story.CHURNING);
        double healthy = mean(risks, Story.HEALTHY);
        System.out.printf("churn risk: mean CHURNING %.3f, HEALTHY %.3f, AT_RISK %.3f, trained on %d%n", churning, healthy,
                mean(risks, Story.AT_RISK), risks.get(0).trainedOn());
        assertThat(churning).isGreaterThan(healthy + 0.1);

        ChurnRisk riskiest = risks.stream().filter(r -> stories.get(r.accountId()) == Story.CHURNING)
                .max(Comparator.comparingDouble(ChurnRisk::probabilityChurn)).orElseThrow();
        assertThat(riskiest.factors()).isNotEmpty().allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
        assertThat(riskiest.interactionIds()).isNotEmpty();
        QuarkusTransaction.requiringNew().run(() -> riskiest.interactionIds().forEach(id -> {
            Interaction i = Interaction.findById(id);
            assertThat(i).as("interaction %d exists", id).isNotNull();
            assertThat(i.accountId).as("interaction %d belongs to the account scored", id).isEqualTo(riskiest.accountId());
        }));
    }

    @Test
    void theAgentAnswersWithTheScoreTheFactorsInPlainWordsAndLinks() {
        long account = risks().stream().filter(r -> stories.get(r.accountId()) == Story.CHURNING && !r.interactionIds().isEmpty())
                .max(Comparator.comparingDouble(ChurnRisk::probabilityChurn)).orElseThrow().accountId();

        AgentAnswer answer = agents.answer(new AgentRequest(owner, "is this account at risk of churning?", account, null, null, "churn_risk"));

        assertThat(answer.mode()).isEqualTo(AnswerMode.SMALL_MODEL);
        assertThat(answer.agent()).isEqualTo("churn-risk");
        assertThat(answer.text()).contains("Churn Fixture", "% risk of not renewing", "raises the risk", "logistic regression trained on");
        assertThat(answer.citations()).isNotEmpty();
        List<Long> cited = answer.citations().stream().map(Citation::interactionId).toList();
        assertThat(answer.citations()).allSatisfy(c -> assertThat(c.link()).isEqualTo("/api/interactions/" + c.interactionId()));
        assertThat(answer.text()).contains("#" + cited.get(0));
        QuarkusTransaction.requiringNew().run(() -> cited.forEach(id -> assertThat(Interaction.<Interaction>findById(id).accountId).isEqualTo(account)));
    }

    @Test
    void withoutAnAccountRanksTheRepsAccountsRiskiestFirst() {
        AgentAnswer answer = agents.answer(new AgentRequest(owner, "which of my customers might not renew", null, null, null, "churn_risk"));

        List<String> lines = answer.text().lines().filter(l -> l.contains("% risk of not renewing")).toList();
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("Churn Fixture"));
        List<Integer> percents = lines.stream().map(l -> Integer.parseInt(l.replaceAll(".*: (\\d+)% risk.*", "$1"))).toList();
        assertThat(percents).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void anotherRepGetsNoChurnEvidenceOfTheAccount() {
        Rep stranger = crm.rep("stranger", RepRole.REP, crm.team("elsewhere"));
        long account = accountIds.get(0);

        assertThatThrownBy(() -> agents.answer(new AgentRequest(stranger, "churn risk?", account, null, null, "churn_risk")))
                .isInstanceOf(ProblemException.class);
        AgentAnswer ranked = agents.answer(new AgentRequest(stranger, "which of my customers might not renew", null, null, null, "churn_risk"));
        assertThat(ranked.text()).doesNotContain("Churn Fixture");
        assertThat(ranked.citations()).isEmpty();
    }
}
