package io.closeloop.actions.bench;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.signal.InteractionSignal;
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
 */
@ApplicationScoped
@Unremovable // looked up by name from the command line, never injected
public class ActionsBenchCommand implements Command {

    static final String CHURN = "We are seriously considering cancelling our contract; the outages have been unacceptable.";

    private final SignalIntake intake;
    private final Outbox outbox;

    public ActionsBenchCommand(SignalIntake intake, Outbox outbox) {
        this.intake = intake;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "actions-bench";
    }

    @Override
    public String summary() {
        return "benchmark event -> detect -> draft -> queue latency (actions-bench [rounds] [events] [report.md])";
    }

    @Override
    public int run(String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path report = Path.of(args.length > 2 ? args[2] : "bench/reports/actions.md");
        Rep rep = QuarkusTransaction.requiringNew().call(this::rep);
        measureInProcess(rep, 10); // warm-up: model, JIT, pools
        List<double[]> inProcess = new ArrayList<>();
        List<double[]> broker = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            inProcess.add(summary(measureInProcess(rep, events)));
            broker.add(summary(measureThroughBroker(rep, events)));
            System.out.printf(Locale.ROOT, "round %d: in-process p50 %.1f p95 %.1f ms; broker p50 %.1f p95 %.1f ms%n", r + 1,
                    inProcess.get(r)[0], inProcess.get(r)[1], broker.get(r)[0], broker.get(r)[1]);
        }
        write(report, rounds, events, inProcess, broker);
        return 0;
    }

    private List<Double> measureInProcess(Rep rep, int n) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Target t = QuarkusTransaction.requiringNew().call(() -> target(rep));
            Instant ingested = Instant.now();
            List<Long> drafted = intake.onInteraction(new InteractionSignal(uniqueId(), t.accountId, t.contactId, null, "EMAIL",
                    "INBOUND", ingested, "Contract", CHURN, t.email, null, ingested));
            ms.add(latency(drafted.get(0)));
        }
        return ms;
    }

    private List<Double> measureThroughBroker(Rep rep, int n) throws InterruptedException {
        List<Double> ms = new ArrayList<>();
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
            ms.add(latency(actionId));
        }
        return ms;
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

    private static void write(Path report, int rounds, int events, List<double[]> inProcess, List<double[]> broker) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: event -> detect -> draft -> queue (actions)\n\n");
        md.append("Generated by `bench/actions.sh` on ").append(Instant.now()).append(".\n\n");
        md.append("Machine: 2 cores (shared with other builds), 24 GB RAM, no GPU, Debian 12, OpenJDK 17, PostgreSQL 15 + pgvector 0.8, RabbitMQ (local).\n");
        md.append(String.format(Locale.ROOT, "Load average at the end: %s.%n%n", loadAverage()));
        md.append(String.format(Locale.ROOT, "%d rounds x %d events per path; each event is a customer e-mail that turns a fresh account's "
                + "churn signal on, so each drafts one retention e-mail. Latency: from the event's ingestion time to the draft's "
                + "queued (`action.queued_at - action.event_at`, stamped in the drafting transaction, which commits right after). Without LLM. Guardrails: %s.%n%n", rounds, events,
                "every draft is checked by the guardrails (GuardrailActionGuard) in the drafting transaction, so their time is included"));
        md.append("| path | median p50 (ms) | median p95 (ms) | p95 spread min-max (ms) | worst (ms) |\n|---|---|---|---|---|\n");
        row(md, "in-process (ingester calls SignalIntake)", inProcess);
        row(md, "via outbox + RabbitMQ", broker);
        md.append("\nPer round (p50 / p95 ms):\n\n| round | in-process | via broker |\n|---|---|---|\n");
        for (int i = 0; i < rounds; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f / %.1f | %.1f / %.1f |%n", i + 1, inProcess.get(i)[0], inProcess.get(i)[1],
                    broker.get(i)[0], broker.get(i)[1]));
        }
        md.append("\nTarget: p95 <= 500 ms without LLM. The in-process path embeds the text (shared ONNX model), scores it, "
                + "updates the signal state and drafts in one transaction. The broker path adds the outbox relay's polling "
                + "(`closeloop.outbox.poll-interval`; Quarkus' scheduler runs `every` at most once a second) and one RabbitMQ hop.\n");
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        System.out.println("Report written to " + report);
    }

    private static void row(StringBuilder md, String name, List<double[]> rounds) {
        List<Double> p50 = rounds.stream().map(r -> r[0]).sorted().toList();
        List<Double> p95 = rounds.stream().map(r -> r[1]).sorted().toList();
        double worst = rounds.stream().mapToDouble(r -> r[2]).max().orElse(0);
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f-%.1f | %.1f |%n", name, percentile(p50, 0.5),
                percentile(p95, 0.5), p95.get(0), p95.get(p95.size() - 1), worst));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
