package io.closeloop.agents.bench;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.AnswerMode;
import io.closeloop.agents.bench.StatementCounts.SqlCount;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.cli.Command;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code agents-bench [rounds] [requests] [warm-up requests]}: the service's own time on the LLM path. Builds a rep,
 * an account with contacts and 30 interactions, then asks the e-mail agent for drafts against the
 * configured provider (the benchmark script points it at a local server that answers at once)
 * and prints, per round, the per-request wall and thread-CPU times in microseconds of the whole
 * answer (grounding, redaction, AI service, HTTP, parsing, budget, llm_call row, guardrails, restore)
 * and of every span inside it ({@link StepTimes}), then the SQL statements per request
 * ({@link StatementCounts}). {@code bench/AgentsReport.java} turns the lines into the report.
 */
@ApplicationScoped
public class LlmPathBenchmark implements Command {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final AgentDispatcher agents;
    private final IngestionPipeline ingestion;
    private final StepTimes steps;
    private final StatementCounts statements;

    public LlmPathBenchmark(AgentDispatcher agents, IngestionPipeline ingestion, StepTimes steps, StatementCounts statements) {
        this.agents = agents;
        this.ingestion = ingestion;
        this.steps = steps;
        this.statements = statements;
    }

    @Override
    public String name() {
        return "agents-bench";
    }

    @Override
    public String summary() {
        return "benchmark of the LLM path's own overhead (used by bench/agents.sh)";
    }

    @Override
    public int run(String... args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        AgentRequest request = setUp();
        // A service answers for hours: measure it with its hot paths compiled (C2 still compiled them
        // through the first 200-300 requests: with 50, round 1 was 10-20 ms slower than round 5).
        for (int i = 0; i < warmUp; i++) {
            check(agents.answer(request));
        }
        Map<String, SqlCount> sqlBefore = statements.snapshot();
        for (int round = 1; round <= rounds; round++) {
            long[] total = new long[requests];
            long[] cpu = new long[requests];
            Map<String, long[][]> perStep = new TreeMap<>();
            long processCpu = PROCESS.getProcessCpuTime();
            long roundStart = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                steps.begin();
                long c0 = StepTimes.threadCpuNanos();
                long t0 = System.nanoTime();
                check(agents.answer(request));
                long t1 = System.nanoTime();
                long c1 = StepTimes.threadCpuNanos();
                Map<String, StepTimes.Step> times = steps.end();
                total[i] = (t1 - t0) / 1_000;
                cpu[i] = (c1 - c0) / 1_000;
                for (Map.Entry<String, StepTimes.Step> e : times.entrySet()) {
                    long[][] v = perStep.computeIfAbsent(e.getKey(), k -> new long[4][requests]);
                    v[0][i] = e.getValue().count;
                    v[1][i] = e.getValue().wallNanos / 1_000;
                    v[2][i] = e.getValue().selfNanos / 1_000;
                    v[3][i] = e.getValue().cpuNanos / 1_000;
                }
            }
            // every thread of the service (workers, ONNX, HTTP client, background jobs), per request and per wall second
            System.out.println("process " + round + " " + (PROCESS.getProcessCpuTime() - processCpu) / 1_000 / requests + " "
                    + (System.nanoTime() - roundStart) / 1_000 / requests);
            System.out.println("round " + round + " total " + join(total));
            System.out.println("round " + round + " cpu " + join(cpu));
            for (Map.Entry<String, long[][]> e : perStep.entrySet()) {
                long[][] v = e.getValue();
                System.out.println("step " + round + " " + e.getKey().replace(' ', '_') + " " + join(v[0]) + " " + join(v[1]) + " " + join(v[2]) + " " + join(v[3]));
            }
        }
        try {
            Thread.sleep(11_000); // let the pool's backends publish their transaction counts (see StatementCounts)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        statements.printDelta(sqlBefore, statements.snapshot(), (long) rounds * requests);
        return 0;
    }

    private static void check(AgentAnswer answer) {
        if (answer.mode() != AnswerMode.LLM) {
            throw new IllegalStateException("the LLM path was not taken: " + answer.notice());
        }
    }

    private AgentRequest setUp() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Object[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Rep rep = new Rep();
            rep.username = "bench-" + tag;
            rep.fullName = "Bench Rep";
            rep.email = rep.username + "@closeloop-bench.example";
            rep.role = RepRole.REP.name();
            rep.setPassword(UUID.randomUUID().toString());
            rep.persist();
            Account account = new Account();
            account.rename("Bench Freight " + tag);
            account.domain = "bench-" + tag + ".example";
            account.owner = rep;
            account.industry = "Logistics";
            account.persist();
            Contact dana = null;
            for (String[] n : new String[][] { { "Dana", "Whitfield" }, { "Omar", "Haddad" }, { "Lena", "Kowalski" } }) {
                Contact c = new Contact();
                c.account = account;
                c.firstName = n[0];
                c.lastName = n[1];
                c.email = n[0].toLowerCase() + "@" + account.domain;
                c.phone = "+1 650-253-0000";
                c.setConsent(EmailConsent.GRANTED, Instant.now());
                c.persist();
                dana = dana == null ? c : dana;
            }
            return new Object[] { rep, account.id, dana.id };
        });
        Rep rep = (Rep) ids[0];
        long accountId = (Long) ids[1];
        List<String> topics = List.of("pricing for 40 seats", "the SOC 2 report", "a budget freeze until January", "onboarding of the Berlin team",
                "a competitor's lower quote", "renewal terms for three years");
        for (int i = 0; i < 30; i++) {
            String topic = topics.get(i % topics.size());
            ingestion.ingestOne(new InteractionInput("bench-" + tag + "-" + i, "bench", i % 3 == 0 ? "CALL" : "EMAIL", i % 2 == 0 ? "INBOUND" : "OUTBOUND",
                    Instant.now().minusSeconds(86_400L * (30 - i)).toString(), accountId, null, null, "About " + topic,
                    "Dana Whitfield wrote about " + topic + ". Call her on +1 650-253-0000 or write to dana@" + "bench-" + tag
                            + ".example. Omar Haddad agreed the next step is a meeting next week to review " + topic + ".",
                    null, null, null, List.of(), null), IngestPath.API, rep);
        }
        return new AgentRequest(rep, "Draft a follow-up to Dana Whitfield with the pricing she asked for", accountId, (Long) ids[2], null,
                "draft_email");
    }

    private static String join(long[] values) {
        List<String> out = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(v -> out.add(Long.toString(v)));
        return String.join(",", out);
    }
}
