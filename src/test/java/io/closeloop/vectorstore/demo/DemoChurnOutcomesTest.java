package io.closeloop.vectorstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.vectorstore.demo.DemoChurnOutcomes.Outcome;
import io.closeloop.vectorstore.demo.DemoInteractionGenerator.Story;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's renewal outcomes follow the accounts' stories, with noise, and are the same for the same seed. */
class DemoChurnOutcomesTest {

    static Map<Story, double[]> shares(long seed, int accounts) {
        List<Story> stories = DemoInteractionGenerator.stories(seed, accounts);
        Map<Story, double[]> counts = new EnumMap<>(Story.class);
        for (int a = 0; a < accounts; a++) {
            double[] c = counts.computeIfAbsent(stories.get(a), s -> new double[4]);
            c[DemoChurnOutcomes.outcome(seed, a, stories.get(a)).ordinal()]++;
            c[3]++;
        }
        counts.values().forEach(c -> {
            for (int i = 0; i < 3; i++) {
                c[i] /= c[3];
            }
        });
        return counts;
    }

    @Test
    void churningAccountsMostlyLoseTheirRenewalHealthyOnesMostlyRenew() {
        Map<Story, double[]> s = shares(42, 3000);
        assertThat(s.get(Story.CHURNING)[Outcome.LOST.ordinal()]).isBetween(0.62, 0.78);
        assertThat(s.get(Story.HEALTHY)[Outcome.WON.ordinal()]).isBetween(0.78, 0.92);
        assertThat(s.get(Story.HEALTHY)[Outcome.LOST.ordinal()]).isBetween(0.01, 0.10);
        assertThat(s.get(Story.AT_RISK)[Outcome.OPEN.ordinal()]).isBetween(0.27, 0.43);
        assertThat(s.get(Story.CHURNING)[Outcome.WON.ordinal()]).as("noise: some churning accounts renew").isPositive();
    }

    @Test
    void theSameSeedGivesTheSameOutcomesAndTheGeneratorsStories() {
        for (int a = 0; a < 300; a++) {
            Story story = DemoInteractionGenerator.stories(42, 300).get(a);
            assertThat(DemoChurnOutcomes.outcome(42, a, story)).isEqualTo(DemoChurnOutcomes.outcome(42, a, story));
        }
        assertThat(DemoInteractionGenerator.stories(42, 300)).isEqualTo(DemoInteractionGenerator.stories(42, 300))
                .isNotEqualTo(DemoInteractionGenerator.stories(43, 300));
    }

    @Test
    void theStoriesAreTheOnesTheInteractionGeneratorWritesFrom() {
        List<DemoBook.DemoAccount> accounts = new java.util.ArrayList<>();
        for (int a = 0; a < 60; a++) {
            accounts.add(new DemoBook.DemoAccount(1000 + a, "Account " + a, "account" + a + ".example", "Owner One", "owner@x.example",
                    List.of(new DemoBook.DemoContact(5000 + a, "Chris", "chris@account" + a + ".example", "CFO")), List.of()));
        }
        List<Story> stories = DemoInteractionGenerator.stories(7, accounts.size());
        List<DemoInteractionGenerator.Labelled> labelled = new DemoInteractionGenerator(7, new DemoBook(accounts, List.of("Suite")),
                java.time.Instant.parse("2026-11-22T00:00:00Z")).generateLabelled(1500, 0);
        int churnThreads = 0;
        for (DemoInteractionGenerator.Labelled l : labelled) {
            int account = Integer.parseInt(l.input().companyName().substring("Account ".length()));
            if (l.topic().equals("CHURN")) {
                churnThreads++;
                assertThat(stories.get(account)).isEqualTo(Story.CHURNING);
            }
            if (stories.get(account) == Story.CHURNING) {
                assertThat(l.topic()).isIn("COMPLAINT", "COMPETITOR", "BUDGET", "CHURN");
            }
        }
        assertThat(churnThreads).isPositive();
    }
}
