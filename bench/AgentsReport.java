import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the agents benchmark's raw lines into bench/reports/agents.md: percentiles of the whole
 * answer per round (wall and thread CPU), the per-step breakdown from the service's spans (all
 * rounds pooled), the SQL statements per request, and the GC pauses of the run.
 * Usage: java bench/AgentsReport.java RAW SERVER_TIMES ROUNDS REQUESTS GC_LOG WARM_UP
 */
public class AgentsReport {

    /** The session-4 runs after its changes (hand-written: this program sees one run). */
    static final String SESSION4 = "p50 21.5-22.0 ms, p95 29.7-33.5 ms (medians over rounds; rounds' p95 28.9-36.3 ms); session 3's"
            + " quiet-machine runs gave p50 19.7-25.6 ms, p95 31.4-37.8 ms. **The 30 ms p95 target is met in one run of four and"
            + " missed by up to 3.5 ms in the others: not met with margin (the aim was p95 <= 25 ms).** The lead's quiet-machine re-run"
            + " decides.";

    public static void main(String[] args) throws Exception {
        List<String> raw = Files.readAllLines(Path.of(args[0]));
        long[] server = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).mapToLong(Long::parseLong).sorted().toArray();
        List<long[]> total = new ArrayList<>();
        List<long[]> cpu = new ArrayList<>();
        Map<String, List<long[][]>> steps = new LinkedHashMap<>();
        List<String> sql = new ArrayList<>();
        List<String> sqlNotes = new ArrayList<>();
        List<long[]> process = new ArrayList<>();
        for (String line : raw) {
            String[] parts = line.split(" ");
            if (line.startsWith("round ")) {
                (parts[2].equals("total") ? total : cpu).add(sorted(parts[3]));
            } else if (line.startsWith("step ")) {
                long[][] v = new long[4][];
                for (int i = 0; i < 4; i++) {
                    v[i] = Arrays.stream(parts[3 + i].split(",")).mapToLong(Long::parseLong).toArray();
                }
                steps.computeIfAbsent(parts[2], k -> new ArrayList<>()).add(v);
            } else if (line.startsWith("sql ")) {
                sql.add(line.substring(4));
            } else if (line.startsWith("process ")) {
                process.add(new long[] { Long.parseLong(parts[2]), Long.parseLong(parts[3]) });
            } else if (line.startsWith("sql-unavailable ")) {
                sqlNotes.add(line.substring(16));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Agents: the service's own overhead on the LLM path\n\n");
        out.append("`bench/agents.sh ").append(args[2]).append(' ').append(args[3]).append("`: ").append(args[2]).append(" rounds of ")
                .append(args[3]).append(" e-mail drafts (`draft_email`, one account with 3 contacts and 30 interactions) after ")
                .append(args.length > 5 ? args[5] : "50").append(" warm-up requests, one at a time, against a local OpenAI-compatible server that answers at once"
                        + " (`bench/ScriptedLlm.java`, a canned 120-token draft).\n\n");
        out.append("Measured in the service around `AgentDispatcher.answer`, the same beans and configuration as in production:"
                + " grounding (embedding the message in-process + hybrid pgvector/full-text search + CRM reads), PII redaction, the"
                + " LangChain4j AI service, the LLM token budget check, the HTTP round trip on loopback, JSON parsing of the typed output,"
                + " the `llm_call` row and the budget charge, the guardrail check of the draft (context, rules, verdict row), restoring"
                + " placeholders. The scripted server's own handling time is reported separately and is negligible.\n\n");
        out.append("The scripted server turns Nagle's algorithm off (`sun.net.httpserver.nodelay`), as real providers' servers do. The JDK"
                + " server leaves it on by default and writes the response headers and body in two segments, so the body waited for the"
                + " client's delayed ACK: about 40 ms per request on a kept-alive loopback connection (curl against it: median 46 ms,"
                + " 0.6 ms with TCP_NODELAY), invisible in the server's own timing. Runs before 2026-11-22 10:30 (p50 61 ms, p95 68 ms"
                + " on a quiet machine) include that delay; it was the benchmark's stand-in, not the service.\n\n");
        out.append("Session 3 (2026-11-22 13:00-14:45) measured this path step by step for the first time (tables below) and cut what"
                + " the figures showed: (1) ONNX Runtime's worker per core busy-waiting after every query embedding, ~0.26 of a core at"
                + " ~15 requests/s (per-thread CPU from /proc); on one short query, embeddings 20 ms apart: default 6.9 ms wall and 31 ms"
                + " of process CPU per embedding, workers without spinning 8.6 / 9.6 ms, one thread 7.8 / 8.1 ms: the embedder now runs"
                + " each embedding on the calling thread alone (`TextEmbedder`, same vectors); (2) four commits per answer waiting for an"
                + " fsync (budget check and charge, `llm_call` row, verdict row; 1-5 ms each on this disk): the rate-limit pool and those"
                + " two rows commit with `synchronous_commit = off`; (3) the guardrail check in one transaction, its context read as rows;"
                + " (4) retrieval on a worker beside grounding's CRM reads. A/B in one window (load 5-7, 3 x 200 after 300 warm-up"
                + " requests each): before, p50 78-82 ms, p95 159-175 ms, process CPU 60-70 ms per request; with (2)-(4), p50 52-65 ms,"
                + " p95 109-136 ms, process CPU 53-62 ms; with (1) as non-spinning workers too, p50 28.9 ms, p95 51.4 ms, process CPU"
                + " 35-36 ms. At load ~2, like the 11:58 run that gave p50 33 ms and p95 52 ms, the run below gives the figures in"
                + " bold: **the 30 ms p95 target is not met on this machine.** What remains at p50: retrieval ~10 ms, of which embedding"
                + " the query ~7.8 ms of CPU (bge-small-en-v1.5 int8 on ~30 tokens with its query instruction: the model's own cost on"
                + " this CPU, within 1 ms whatever the threading), the LLM call ~6.5 ms (HTTP round trip 1.4 ms, the `llm_call` row ~2 ms"
                + " of which 1.7 ms CPU, budget check 0.6 ms, JSON), the guardrail check ~4.4 ms, the agent's own work ~3 ms (PII"
                + " redaction, the AI service built per request). Not cut: JIT (C2 still compiling in round 1), GC (young pauses every"
                + " few seconds), the AI service per request, the redaction's phone matcher. Then, on the quiet machine (14:35-14:39): the"
                + " warm-up raised to 1,000 requests (after 300, C2 was still compiling: the rounds' p95 fell 45 -> 33 ms; after 1,000 they"
                + " start at 34 ms), p50 21.5 ms, p95 31.3 ms; (5) the `llm_call` row as one autocommitted JDBC insert on the spend"
                + " ledger's datasource instead of an ORM transaction (record step p50 2.1 -> 0.8 ms, p95 5.3 -> 2.1 ms): p50 19.7 ms,"
                + " p95 31.4 ms (rounds 28.8-35.9) at 14:39. Four more runs on the same quiet machine (14:50-14:58, three with the"
                + " reviser's AI service built only when an output is blocked, one without) gave p50 24.5-25.6 ms, p95 35.5-37.8 ms:"
                + " run-to-run spread of ~5 ms, so the 14:39 run was a good moment, not the rule: **session 3 ended at p95 31-38 ms.**\n\n");
        out.append("Session 4 (2026-11-22 15:30-17:15) profiled the benchmark with JFR (allocation and execution samples after the"
                + " warm-up) and cut two things. (6) Each role's LangChain4j AI service is built once instead of once per answer"
                + " (`RoleServices`; the answer's recording chat model and rep-scoped tools are bound to the calling thread for its call,"
                + " `AnswerBinding`): a new service built LangChain4j's guardrail service on its first call, with `ServiceLoader` scans of"
                + " the whole class path, ~16% of the bytes an answer allocated. (7) The text-independent part of the guardrail context"
                + " (rep, account, team, price book, the recipient's contact) is read on a worker while the model writes"
                + " (`GuardrailService.prefetch`); the check reads only the contacts the text names (`closeloop.guardrails.context-text`,"
                + " p50 0.9 ms instead of 1.8 ms for the whole context). Together: the agent's own time outside spans p50 2.6 -> 0.9 ms,"
                + " the check 4.3 -> 3.2 ms, the answering thread's CPU p50 ~9.5 -> ~7 ms. The machine was shared all session (load 8-13"
                + " while others built); four runs at load 2-3.5 after the changes (16:12-16:34): " + SESSION4 + " Measured and"
                + " not cut: PII redaction, ~0.85 ms CPU and ~710 KB per answer, nearly all libphonenumber rejecting digit runs that"
                + " are not phone numbers against all 25 NANPA regions (`Leniency.VALID` needs that check); GC: a young pause of 3-10 ms"
                + " every ~0.9 s (G1 keeps the heap at ~180 MB), but one run with `-Xms1g` (24 pauses instead of 74-104) gave p50 21.0 ms,"
                + " p95 31.0 ms, inside the spread above: the pauses do not set the p95; the query embedding (~7.5 ms CPU, the model's own cost) and the HTTP"
                + " client's hand-offs to its event loop (`closeloop.agents.llm` self time, p50 3.0 ms, p95 6.6 ms, of which ~1 ms"
                + " CPU).\n\n");
        out.append("Lead, session 4, quiet machine (nothing but the benchmark and the idle PostgreSQL/RabbitMQ; load 1.3-2.6 on 2"
                + " cores), after merging (6) and (7): with the 1,000-request warm-up, three runs (16:40-16:54) gave p50 20.5-22.2 ms,"
                + " p95 29.5-34.0 ms, the rounds' p95 still falling within each run (33.8 -> 29.3 ms) and the C2 compiler still taking"
                + " ~27% of a core during the measured rounds (`top -H`). Measured there, the figure includes the JIT compiling the"
                + " path, not only the path. With a 3,000-request warm-up (now the default), three runs (16:54-17:00) gave **p50"
                + " 15.9-18.3 ms, p95 22.1-26.2 ms**: the answering thread's CPU per request ~4.7 ms instead of ~7 ms, every step"
                + " faster (retrieval p50 7.7 ms, the HTTP call 0.6 ms, the check 2.2 ms). That is the steady state of a running"
                + " service and the figure the 30 ms target is judged on; a service in its first ~1,000 LLM-path requests after a"
                + " start answers with ~30-34 ms p95 overhead (`bench/agents.sh 5 200 1000` measures that), which a low-traffic team"
                + " sees for a while after each deploy. What remains at steady state is dominated by embedding the query (~6.4 ms CPU"
                + " of the retrieval's 7.7 ms).\n\n");
        out.append("Machine: 2 cores (see the load averages in the last line), 24 GB RAM, no GPU, Debian 12, OpenJDK 17, PostgreSQL 15 + pgvector 0.8.\n\n");
        out.append("*Thread CPU*: the CPU time of the thread that asked for the answer; *process CPU*: all the service's threads (retrieval"
                + " worker, ONNX, HTTP client, background jobs) over the round, per request. PostgreSQL's own CPU is in neither.\n\n");
        out.append("| round | total p50 (ms) | total p95 (ms) | total p99 (ms) | thread CPU p50 (ms) | thread CPU p95 (ms) | process CPU per request (ms) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < total.size(); i++) {
            long[] t = total.get(i);
            long[] c = i < cpu.size() ? cpu.get(i) : new long[0];
            out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", i + 1, pct(t, 50), pct(t, 95), pct(t, 99),
                    pct(c, 50), pct(c, 95), i < process.size() ? String.format(Locale.ROOT, "%.1f", process.get(i)[0] / 1000.0) : "–"));
        }
        double[] p50s = total.stream().mapToDouble(t -> pct(t, 50)).sorted().toArray();
        double[] p95s = total.stream().mapToDouble(t -> pct(t, 95)).sorted().toArray();
        out.append(String.format(Locale.ROOT, "%n**Overhead: p50 %.1f ms (rounds %.1f–%.1f), p95 %.1f ms (rounds %.1f–%.1f)** — median over rounds;"
                + " target p95 ≤ 30 ms: %s.%n%n", median(p50s), p50s[0], p50s[p50s.length - 1], median(p95s), p95s[0], p95s[p95s.length - 1],
                median(p95s) <= 30 ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "Scripted server's own time per request: p50 %.2f ms over %d requests (already inside the totals; subtracting"
                + " it changes nothing visible).%n%n", pct(server, 50), server.length));

        out.append("## Where the time goes\n\n");
        out.append("Every span the service opens inside the answer, all rounds pooled (`StepTimes`, a span processor that is idle outside the"
                + " benchmark). *Incl.* is the span's wall time, *self* the part not inside a child span, *CPU* the CPU time of the thread"
                + " that started the span, between its start and end (0 for spans ended on another thread, such as the HTTP client's"
                + " `POST`). Retrieval (`closeloop.vectorstore.retrieve-hybrid`) runs on a worker beside grounding's CRM reads, so"
                + " grounding's self time, computed as if its children ran one after the other, is near zero. Likewise"
                + " `closeloop.guardrails.context` (the part of the guardrail context that does not depend on the output's text) is read on a"
                + " worker while the model writes (`GuardrailService.prefetch`), off the answer's critical path, and the root's self time is"
                + " understated by it; inside the check only `closeloop.guardrails.context-text` (the contacts the text names) is read."
                + " Percentiles are per request, over the"
                + " requests that had the step; a step's spans in one request are summed. The root's self time is the work of the LLM"
                + " agent outside any child span.\n\n");
        out.append("| span | per request | incl. p50 (ms) | incl. p95 (ms) | self p50 (ms) | self p95 (ms) | CPU p50 (ms) |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<long[][]>> e : steps.entrySet()) {
            long n = 0;
            List<Long> wall = new ArrayList<>();
            List<Long> self = new ArrayList<>();
            List<Long> threadCpu = new ArrayList<>();
            for (long[][] v : e.getValue()) {
                for (int i = 0; i < v[0].length; i++) {
                    n += v[0][i];
                    if (v[0][i] > 0) {
                        wall.add(v[1][i]);
                        self.add(v[2][i]);
                        threadCpu.add(v[3][i]);
                    }
                }
            }
            long requests = (long) Integer.parseInt(args[2]) * Integer.parseInt(args[3]);
            out.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", e.getKey(), (double) n / requests,
                    pct(sorted(wall), 50), pct(sorted(wall), 95), pct(sorted(self), 50), pct(sorted(self), 95), pct(sorted(threadCpu), 50)));
        }
        out.append("\n## SQL per request\n\n");
        sqlNotes.forEach(n -> out.append("No statement counts: ").append(n).append(".\n\n"));
        if (!sql.isEmpty()) {
            out.append("From `pg_stat_statements` over the measured rounds (statements run at least once every ten requests; the service's"
                    + " background jobs included). `BEGIN` counts transactions; a transaction that writes (or locks a row) waits for its"
                    + " WAL flush at commit unless `synchronous_commit` is off for it.\n\n");
            out.append("| per request | mean exec (ms) | statement |\n|---|---|---|\n");
            sql.stream().sorted((a, b) -> Double.compare(Double.parseDouble(b.split(" ")[0]), Double.parseDouble(a.split(" ")[0])))
                    .forEach(s -> {
                        String[] p = s.split(" ", 3);
                        String q = p[2].length() > 110 ? p[2].substring(0, 110) + "…" : p[2];
                        boolean stat = q.endsWith("(pg_stat_database)");
                        out.append("| ").append(p[0]).append(" | ").append(stat ? "–" : p[1]).append(" | ").append(stat ? "*" + q + "*" : "`"
                                + q.replace("|", "\\|") + "`").append(" |\n");
                    });
        }
        if (args.length > 4 && Files.exists(Path.of(args[4]))) {
            Pattern pause = Pattern.compile("\\[([0-9.]+)s\\].*Pause (\\S+).* ([0-9.]+)ms$");
            List<Double> pauses = new ArrayList<>();
            double max = 0;
            double first = -1;
            double last = 0;
            for (String line : Files.readAllLines(Path.of(args[4]))) {
                Matcher m = pause.matcher(line);
                if (m.find()) {
                    double ms = Double.parseDouble(m.group(3));
                    pauses.add(ms);
                    max = Math.max(max, ms);
                    first = first < 0 ? Double.parseDouble(m.group(1)) : first;
                    last = Double.parseDouble(m.group(1));
                }
            }
            double sum = pauses.stream().mapToDouble(Double::doubleValue).sum();
            out.append(String.format(Locale.ROOT, "%n## GC%n%n%d pauses over the whole run (start-up and set-up included, %.0f s from first to last),"
                    + " %.0f ms in all, longest %.1f ms (`-Xlog:gc`, target/bench/agents-gc.log).%n", pauses.size(), last - first, sum, max));
        }
        System.out.print(out);
    }

    static long[] sorted(String csv) {
        return Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).sorted().toArray();
    }

    static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
