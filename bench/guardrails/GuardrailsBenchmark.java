package io.closeloop.bench;

import io.closeloop.guardrails.check.ContactRef;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.check.FactExtractor;
import io.closeloop.guardrails.check.ProposedChange;
import io.closeloop.guardrails.check.ReviewContext;
import io.closeloop.guardrails.config.GuardrailConfig;
import io.closeloop.guardrails.config.TeamPolicies;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.engine.GuardrailEngine;
import io.closeloop.guardrails.review.AccountFact;
import io.closeloop.guardrails.review.PriceBookFact;
import io.closeloop.guardrails.review.RepFact;
import io.closeloop.guardrails.review.ReviewFacts;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Guardrail evaluation latency per draft and throughput: claim extraction plus the Drools rule
 * unit (context facts prepared in memory, no database, no storage), over the drafts of the
 * adversarial corpus. Single thread. Several timed runs after a warm-up; the report gives each
 * run's wall-clock and CPU-time percentiles and throughput, and the median and spread (min..max)
 * across runs.
 *
 * <p>Arguments: [runs=7] [evaluations per run=20000] [warm-up evaluations=30000] [report path].
 */
public class GuardrailsBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int perRun = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        Path report = Path.of(args.length > 3 ? args[3] : "bench/reports/guardrails.md");

        long t0 = System.nanoTime();
        GuardrailEngine engine = new GuardrailEngine();
        long compileMs = (System.nanoTime() - t0) / 1_000_000;
        GuardrailConfig config = new SmallRyeConfigBuilder().withMapping(GuardrailConfig.class).build()
                .getConfigMapping(GuardrailConfig.class);
        FactExtractor extractor = new FactExtractor(config);
        LocalDate today = LocalDate.now();
        ReviewContext context = context(new TeamPolicies(config), today);
        List<DraftInput> drafts = corpus(Path.of("src/test/resources/guardrails/corpus.csv"), today);

        for (int i = 0; i < warmup; i++) {
            evaluate(engine, extractor, drafts.get(i % drafts.size()), context);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long gcBefore = gcMillis();
        // per run: wall p50, p95, p99 (µs), throughput (/s), rules-only wall p50, p95 (µs), CPU p50, p95 (µs)
        List<double[]> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long[] latencies = new long[perRun];
            long[] rulesOnly = new long[perRun];
            long[] cpu = new long[perRun];
            long start = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                DraftInput draft = drafts.get(i % drafts.size());
                long cpuStart = threads.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                ReviewFacts facts = extractor.extract(draft, context);
                long b = System.nanoTime();
                List<FiredRule> fired = engine.evaluate(facts);
                long c = System.nanoTime();
                if (GuardrailEngine.verdictOf(fired) == null) {
                    throw new IllegalStateException();
                }
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                latencies[i] = c - a;
                rulesOnly[i] = c - b;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            Arrays.sort(rulesOnly);
            Arrays.sort(cpu);
            results.add(new double[] { pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), perRun / seconds, pct(rulesOnly, 50),
                    pct(rulesOnly, 95), pct(cpu, 50), pct(cpu, 95) });
            System.out.printf(Locale.ROOT, "run %d: p50 %.1f µs, p95 %.1f µs, p99 %.1f µs, %.0f drafts/s%n", run + 1,
                    results.get(run)[0], results.get(run)[1], results.get(run)[2], results.get(run)[3]);
        }
        long gcMs = gcMillis() - gcBefore;
        String md = report(results, runs, perRun, warmup, drafts.size(), compileMs, gcMs);
        Files.createDirectories(report.getParent());
        Files.writeString(report, md);
        System.out.println(md);
    }

    static List<FiredRule> evaluate(GuardrailEngine engine, FactExtractor extractor, DraftInput draft, ReviewContext context) {
        return engine.evaluate(extractor.extract(draft, context));
    }

    static double pct(long[] sorted, int p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    static double[] column(List<double[]> results, int i) {
        return results.stream().mapToDouble(r -> r[i]).sorted().toArray();
    }

    static String stat(List<double[]> results, int i, String format) {
        double[] c = column(results, i);
        double median = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        return String.format(Locale.ROOT, format + " (" + format + " .. " + format + ")", median, c[0], c[c.length - 1]);
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static String report(List<double[]> results, int runs, int perRun, int warmup, int drafts, long compileMs, long gcMs)
            throws Exception {
        StringBuilder md = new StringBuilder("# Guardrails benchmark\n\n");
        md.append("Run ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now())).append(" with `bench/guardrails.sh`.\n\n");
        md.append("What is timed: one draft from claim extraction (regexes, lexicons, fuzzy product matching, dates) through the Drools\n")
                .append("rule unit (facts inserted, rules fired, hits read by query) to the verdict. Context facts (rep, account,\n")
                .append("price book, contacts) are prepared in memory; loading them from PostgreSQL and storing the verdict are not\n")
                .append("included (they are one read transaction and one insert per check).\n\n");
        md.append("Workload: the ").append(drafts).append(" drafts of the adversarial corpus in turn, single thread; ")
                .append(warmup).append(" warm-up evaluations, then ").append(runs).append(" runs of ").append(perRun).append(".\n\n");
        md.append("| measure | median over runs (min .. max) |\n|---|---|\n");
        md.append("| wall-clock latency p50 per draft | ").append(stat(results, 0, "%.1f µs")).append(" |\n");
        md.append("| wall-clock latency p95 per draft | ").append(stat(results, 1, "%.1f µs")).append(" |\n");
        md.append("| wall-clock latency p99 per draft | ").append(stat(results, 2, "%.1f µs")).append(" |\n");
        md.append("| CPU time p50 per draft | ").append(stat(results, 6, "%.1f µs")).append(" |\n");
        md.append("| CPU time p95 per draft | ").append(stat(results, 7, "%.1f µs")).append(" |\n");
        md.append("| throughput (one thread) | ").append(stat(results, 3, "%.0f drafts/s")).append(" |\n");
        md.append("| rules only (wall), p50 | ").append(stat(results, 4, "%.1f µs")).append(" |\n");
        md.append("| rules only (wall), p95 | ").append(stat(results, 5, "%.1f µs")).append(" |\n");
        md.append("\nTarget p95 <= 2 ms: wall-clock ").append(column(results, 1)[runs - 1] <= 2000 ? "met in every run" : "NOT met in every run")
                .append("; CPU time ").append(column(results, 7)[runs - 1] <= 2000 ? "met in every run" : "NOT met in every run")
                .append(". Wall-clock includes the time the thread waits for a core (see the load average below); CPU time is the\n")
                .append("work itself. GC time during the timed runs: ").append(gcMs).append(" ms. Rule compilation at start-up in this process: ")
                .append(compileMs).append(" ms.\n\n");
        md.append("## Machine\n\n");
        md.append("- CPU: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores visible to the JVM\n");
        md.append("- Memory: ").append(memory()).append("; JVM max heap ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB\n");
        md.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        md.append("- Load average at the end: ").append(String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" (the machine is shared with other builds, so the spread includes their noise)\n");
        md.append("\n## Runs\n\n| run | wall p50 µs | wall p95 µs | wall p99 µs | CPU p50 µs | CPU p95 µs | drafts/s |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            double[] r = results.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", i + 1, r[0], r[1], r[2], r[6], r[7], r[3]));
        }
        return md.toString();
    }

    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The same CRM the corpus test creates, as context facts: rep with 10% authority, account acme.example, the test catalogue. */
    static ReviewContext context(TeamPolicies policies, LocalDate today) {
        List<PriceBookFact> priceBook = List.of(
                entry("Closeloop Insights Pro", "USD", "1200.00", "20"), entry("Closeloop Insights Pro", "EUR", "1100.00", "20"),
                entry("Closeloop Forecast", "USD", "800.00", "15"), entry("Closeloop Sequences", "USD", "450.00", "10"),
                entry("Pipeline Guard Add-on", "USD", "300.00", "25"), entry("Closeloop Enterprise Suite", "USD", "25000.00", "30"));
        return new ReviewContext(new RepFact(7L, "REP", new BigDecimal("10"), 8L), new AccountFact(1L, "Acme", "acme.example"),
                policies.forTeam("east", "acme.example", today),
                List.of("Closeloop Insights Pro", "Closeloop Forecast", "Closeloop Sequences", "Pipeline Guard Add-on",
                        "Closeloop Enterprise Suite"),
                priceBook,
                Map.of("grace@acme.example", new ContactRef(11L, 1L, "GRANTED"), "wendy@acme.example", new ContactRef(12L, 1L, "WITHDRAWN"),
                        "uma@acme.example", new ContactRef(13L, 1L, "UNKNOWN"), "otto@other.example", new ContactRef(21L, 2L, "GRANTED")),
                Map.of("14155550123", new ContactRef(21L, 2L, "GRANTED")));
    }

    static PriceBookFact entry(String product, String currency, String price, String max) {
        return new PriceBookFact(product, currency, new BigDecimal(price), new BigDecimal(max));
    }

    static List<DraftInput> corpus(Path csv, LocalDate today) throws Exception {
        List<DraftInput> drafts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<String> recipients = Arrays.stream(row.get("recipients").split(";")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(t -> switch (t) {
                            case "granted", "granted_upper" -> "grace@acme.example";
                            case "withdrawn" -> "wendy@acme.example";
                            case "unknown" -> "uma@acme.example";
                            case "other" -> "otto@other.example";
                            case "domain" -> "new.person@acme.example";
                            case "stranger" -> "someone@gmail.com";
                            default -> t;
                        }).toList();
                List<ProposedChange> changes = Arrays.stream(row.get("changes").split(";")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(spec -> {
                            String[] ef = spec.substring(0, spec.indexOf(':')).split("\\.");
                            String[] v = spec.substring(spec.indexOf(':') + 1).split(">");
                            return new ProposedChange(ef[0], 1L, ef[1], v[0], v[1]);
                        }).toList();
                List<String> grounding = Arrays.stream(row.get("grounding").split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                drafts.add(new DraftInput(row.get("channel"), 1L, recipients, text(row.get("subject"), today), text(row.get("body"), today),
                        grounding, changes));
            }
        }
        return drafts;
    }

    static String text(String raw, LocalDate today) {
        String text = raw.replace("$OTHER_EMAIL", "otto@other.example").replace("$OTHER_PHONE", "+1 (415) 555-0123")
                .replace("$GRANTED_EMAIL", "grace@acme.example").replace("$DOMAIN", "acme.example");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$DATE([+-]\\d+)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, today.plusDays(Integer.parseInt(m.group(1)))
                    .format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
