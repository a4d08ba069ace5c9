package io.closeloop.actions.bench;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.signal.InteractionSignal;
import io.closeloop.actions.signal.SignalEmailWriter;
import io.closeloop.actions.signal.SignalIntake;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.cli.Command;
import io.closeloop.kernel.outbox.Outbox;
import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code actions-bench}: event-to-queued-draft latency of the signal path, measured in the running
 * service against its real database and broker. Each event is a customer e-mail that crosses the
 * churn threshold of a fresh account, so every event drafts exactly one action. Two entries:
 * in-process (the ingester calls {@link SignalIntake} after its commit) and through the broker
 * (the event goes into the outbox, the relay publishes it, the consumer drafts). Latency is from
 * the event's ingestion time to the draft being queued ({@code action.queued_at}, stamped in the drafting transaction).
 * When an LLM is configured the retention e-mails are written by the LLM agent, and the LLM's
 * own time ({@code llm_call.latency_ms}) is reported next to the total. Writes one section of
 * the report; {@code bench/actions.sh} runs it without and with the scripted LLM and assembles
 * {@code bench/reports/actions.md}.
 */
@ApplicationScoped
@Unremovable // looked up by name from the command line, never injected
public class ActionsBenchCommand implements Command {

    static final String CHURN = "We are seriously considering cancelling our contract; the outages have been unacceptable.";

    private final SignalIntake intake;
    private final Outbox outbox;
    private final SignalEmailWriter writer;

    public ActionsBenchCommand(SignalIntake intake, Outbox outbox, SignalEmailWriter writer) {
        this.intake = intake;
        this.outbox = outbox;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "actions-bench";
    }

    @Override
    public String summary() {
        return "benchmark event -> detect -> draft -> queue latency (actions-bench [rounds] [events] [section.md])";
    }

    @Override
    public int run(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path section = Path.of(args.length > 2 ? args[2] : "target/bench/actions-section.md");
        boolean llm = writer.online();
        Rep rep = QuarkusTransaction.requiringNew().call(this::rep);
        measureInProcess(rep, 10); // warm-up: model, JIT, pools (and the LLM client)
        List<Round> inProcess = new ArrayList<>();
        List<Round> broker = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            inProcess.add(measureInProcess(rep, events));
            broker.add(measureThroughBroker(rep, events));
            System.out.printf(Locale.ROOT, "round %d%s: in-process p50 %.1f p95 %.1f ms; broker p50 %.1f p95 %.1f ms%n", r + 1,
                    llm ? " (LLM)" : "", inProcess.get(r).total()[0], inProcess.get(r).total()[1], broker.get(r).total()[0],
                    broker.get(r).total()[1]);
        }
        write(section, llm, rounds, events, inProcess, broker);
        return 0;
    }

    /** One round of one path: per event, the event-to-queued-draft time and the LLM's part of it (0 without LLM). */
    record Round(List<Double> totalMs, List<Double> llmMs) {

        double[] total() {
            return summary(totalMs);
        }

        double[] llm() {
            return summary(llmMs);
        }

        /** The service's own time: the total minus the LLM's time, per event. */
        double[] own() {
            List<Double> own = new ArrayList<>();
            for (int i = 0; i < totalMs.size(); i++) {
                own.add(totalMs.get(i) - llmMs.get(i));
            }
            return summary(own);
        }
    }

    private Round measureInProcess(Rep rep, int n) {
        Round round = new Round(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Target t = QuarkusTransaction.requiringNew().call(() -> target(rep));
            Instant ingested = Instant.now();
            List<Long> drafted = intake.onInteraction(new InteractionSignal(uniqueId(), t.accountId, t.contactId, null, "EMAIL",
                    "INBOUND", ingested, "Contract", CHURN, t.email, null, ingested));
            record(round, drafted.get(0), t.accountId);
        }
        return round;
    }

    private Round measureThroughBroker(Rep rep, int n) throws InterruptedException {
        Round round = new Round(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Target t = QuarkusTransaction.requiringNew().call(() -> target(rep));
            long interaction = uniqueId();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("interactionId", interaction);
            event.put("accountId", t.accountId);
            event.put("contactId", t.contactId);
            event.put("direction", "INBOUND");
            event.put("channel", "EMAIL");
            event.put("subject", "Contract");
            event.put("text", CHURN);
            event.put("from", t.email);
            event.put("occurredAt", Instant.now().toString());
            event.put("ingestedAt", Instant.now().toString());
            QuarkusTransaction.requiringNew().run(() -> outbox.publish("vectorstore.interaction.ingested", event));
            Long actionId = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (actionId == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
                actionId = QuarkusTransaction.requiringNew().call(() -> Action.<Action>find("account.id", t.accountId)
                        .firstResultOptional().map(a -> a.id).orElse(null));
            }
            if (actionId == null) {
                throw new IllegalStateException("No draft within 30 s for interaction " + interaction);
            }
            record(round, actionId, t.accountId);
        }
        return round;
    }

    private static void record(Round round, long actionId, long accountId) {
        round.totalMs().add(latency(actionId));
        round.llmMs().add(llmMillis(accountId));
    }

    /** What the LLM calls for this (fresh) account took, as the service measured them (llm_call.latency_ms). */
    private static double llmMillis(long accountId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Action.getEntityManager()
                .createNativeQuery("select coalesce(sum(latency_ms), 0) from llm_call where account_id = :account")
                .setParameter("account", accountId).getSingleResult()).doubleValue());
    }

    private static double latency(long actionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Action a = Action.findById(actionId);
            return Duration.between(a.eventAt, a.queuedAt).toNanos() / 1e6;
        });
    }

    private record Target(Long accountId, Long contactId, String email) {
    }

    private Rep rep() {
        Team team = new Team();
        team.name = "bench-" + UUID.randomUUID();
        team.persist();
        Rep rep = new Rep();
        rep.username = team.name;
        rep.fullName = "Bench Rep";
        rep.email = team.name + "@bench.closeloop";
        rep.role = RepRole.REP.name();
        rep.team = team;
        rep.passwordHash = "!";
        rep.persist();
        return rep;
    }

    private Target target(Rep rep) {
        Account account = new Account();
        account.rename("Bench " + UUID.randomUUID());
        account.owner = Rep.findById(rep.id);
        account.persist();
        Contact contact = new Contact();
        contact.account = account;
        contact.firstName = "Casey";
        contact.email = "casey-" + account.id + "@bench.example";
        contact.setConsent(EmailConsent.GRANTED, Instant.now());
        contact.persist();
        return new Target(account.id, contact.id, contact.email);
    }

    private static long uniqueId() {
        return System.nanoTime();
    }

    /** p50, p95, max of one round. */
    static double[] summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new double[] { percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.get(sorted.size() - 1) };
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void write(Path section, boolean llm, int rounds, int events, List<Round> inProcess, List<Round> broker)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(llm ? "## With an LLM (the scripted server)\n\n" : "## Without LLM (offline: template drafts)\n\n");
        md.append(String.format(Locale.ROOT, "%d rounds x %d events per path, measured %s.%s%n%n", rounds, events, Instant.now(),
                llm ? " Drafts written by the LLM agent (`llm-agent`); LLM time = the service's `llm_call.latency_ms` for the "
                        + "event's account (HTTP round trip included); own time = total minus LLM time, per event." : ""));
        md.append("| path | median p50 (ms) | median p95 (ms) | p95 spread min-max (ms) | worst (ms) |\n|---|---|---|---|---|\n");
        row(md, "in-process (ingester calls SignalIntake)", inProcess, Round::total);
        row(md, "via outbox + RabbitMQ", broker, Round::total);
        if (llm) {
            row(md, "in-process: LLM time", inProcess, Round::llm);
            row(md, "in-process: own time (total - LLM)", inProcess, Round::own);
            row(md, "via broker: LLM time", broker, Round::llm);
            row(md, "via broker: own time (total - LLM)", broker, Round::own);
        }
        md.append("\nPer round (total p50 / p95 ms):\n\n| round | in-process | via broker |\n|---|---|---|\n");
        for (int i = 0; i < rounds; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f / %.1f | %.1f / %.1f |%n", i + 1, inProcess.get(i).total()[0],
                    inProcess.get(i).total()[1], broker.get(i).total()[0], broker.get(i).total()[1]));
        }
        md.append('\n');
        Files.createDirectories(section.toAbsolutePath().getParent());
        Files.writeString(section, md.toString());
        System.out.println("Section written to " + section);
    }

    private static void row(StringBuilder md, String name, List<Round> rounds, java.util.function.Function<Round, double[]> stat) {
        List<double[]> summaries = rounds.stream().map(stat).toList();
        List<Double> p50 = summaries.stream().map(r -> r[0]).sorted().toList();
        List<Double> p95 = summaries.stream().map(r -> r[1]).sorted().toList();
        double worst = summaries.stream().mapToDouble(r -> r[2]).max().orElse(0);
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f-%.1f | %.1f |%n", name, percentile(p50, 0.5),
                percentile(p95, 0.5), p95.get(0), p95.get(p95.size() - 1), worst));
    }
}
