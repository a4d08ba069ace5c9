package io.closeloop.vectorstore.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.vectorstore.interaction.InteractionInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo generator is deterministic per seed and writes varied, threaded, partly unknown-sender conversations. */
class DemoInteractionGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

    static DemoBook book() {
        List<DemoBook.DemoAccount> accounts = new ArrayList<>();
        for (int a = 1; a <= 40; a++) {
            List<DemoBook.DemoContact> contacts = a % 10 == 0 ? List.of()
                    : List.of(new DemoBook.DemoContact(a * 10L, "Kim" + a, "kim" + a + "@acct" + a + ".example", "VP Sales"),
                            new DemoBook.DemoContact(a * 10L + 1, "Lee" + a, "lee" + a + "@acct" + a + ".example", null));
            accounts.add(new DemoBook.DemoAccount(a, "Account " + a, "acct" + a + ".example", "Owner " + a, "owner" + a + "@closeloop.example",
                    contacts, a % 3 == 0 ? List.of(a * 100L) : List.of()));
        }
        return new DemoBook(accounts, List.of("Forecasting Cloud", "Pipeline Analytics"));
    }

    @Test
    void theSameSeedGivesTheSameInteractionsAndAnotherSeedOthers() {
        List<InteractionInput> a = new DemoInteractionGenerator(42, book(), NOW).generate(1000, 0.04);
        List<InteractionInput> b = new DemoInteractionGenerator(42, book(), NOW).generate(1000, 0.04);
        List<InteractionInput> c = new DemoInteractionGenerator(43, book(), NOW).generate(1000, 0.04);
        assertEquals(1000, a.size());
        assertEquals(a, b);
        assertNotEquals(a.stream().map(InteractionInput::body).toList(), c.stream().map(InteractionInput::body).toList());
        assertEquals(1000, a.stream().map(InteractionInput::externalId).distinct().count(), "external ids are unique");
    }

    @Test
    void conversationsCoverTheSalesTopicsChannelsAndThreads() {
        List<InteractionInput> all = new DemoInteractionGenerator(7, book(), NOW).generate(5000, 0.04);
        String text = all.stream().map(i -> i.subject() + " " + i.body()).collect(Collectors.joining("\n")).toLowerCase();
        for (String topic : List.of("budget", "cfo", "quote", "renew", "pipewise", "dealforge", "sync", "support ticket",
                "move our", "not to renew", "export our data")) {
            assertTrue(text.contains(topic), "missing topic: " + topic);
        }
        Map<String, Long> channels = all.stream().collect(Collectors.groupingBy(InteractionInput::channel, Collectors.counting()));
        assertEquals(Set.of("EMAIL", "CALL", "MEETING", "CHAT"), channels.keySet());
        Map<String, Long> threads = all.stream().filter(i -> i.threadId() != null)
                .collect(Collectors.groupingBy(InteractionInput::threadId, Collectors.counting()));
        assertTrue(threads.values().stream().filter(n -> n >= 3).count() > 100, "threads with replies");
        assertTrue(all.stream().anyMatch(i -> "OUTBOUND".equals(i.direction()) && i.subject().startsWith("Re: ")));
        assertTrue(all.stream().allMatch(i -> !Instant.parse(i.occurredAt()).isAfter(NOW)));
    }

    @Test
    void aShareComesFromSendersTheCrmDoesNotKnow() {
        List<InteractionInput> all = new DemoInteractionGenerator(11, book(), NOW).generate(5000, 0.04);
        Set<String> known = book().accounts().stream().flatMap(a -> a.contacts().stream()).map(DemoBook.DemoContact::email)
                .collect(Collectors.toSet());
        long unknown = all.stream().filter(i -> i.accountId() == null && i.fromEmail() != null && !known.contains(i.fromEmail())
                && !i.fromEmail().endsWith("@closeloop.example")).count();
        assertTrue(unknown > 100 && unknown < 350, "unknown senders: " + unknown);
    }

    @Test
    void churningAccountsFallSilentBeforeTheyLeave() {
        List<InteractionInput> all = new DemoInteractionGenerator(5, book(), NOW).generate(5000, 0.0);
        Function<InteractionInput, String> account = i -> i.companyName();
        Map<String, Instant> latest = all.stream().collect(Collectors.toMap(account, i -> Instant.parse(i.occurredAt()),
                (x, y) -> x.isAfter(y) ? x : y));
        Set<String> churnWriters = all.stream().filter(i -> i.body().contains("not to renew") || i.body().contains("will not continue"))
                .map(account).collect(Collectors.toSet());
        assertTrue(!churnWriters.isEmpty());
        long silent = latest.values().stream().filter(t -> t.isBefore(NOW.minus(Duration.ofDays(45)))).count();
        assertTrue(silent > 0, "some accounts are silent for the last 45 days");
    }
}
