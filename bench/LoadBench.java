import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator (a second process, loopback only): a weighted, realistic mix of what reps do,
 * against one or more service instances (round-robin per request), bounded by a request count
 * and a time limit. Each thread signs in as one demo rep (basic auth) and works on that rep's
 * accounts:
 * <ul>
 * <li>{@code chat-small}: a CRM lookup in chat ("pull the X record"), served by a small agent, no LLM</li>
 * <li>{@code chat-llm}: "write an email to X about ...", the LLM agent against the scripted server, drafts an action</li>
 * <li>{@code ingest}: one interaction (an inbound e-mail) over the webhook</li>
 * <li>{@code approve}: the rep approves one of the DRAFTED actions in their queue (then executed: e-mail by SMTP)</li>
 * <li>{@code crm-search}, {@code crm-read}: account search and list pages</li>
 * </ul>
 * Prints a Markdown table (count, throughput, p50/p95/p99 ms, errors with their statuses) and
 * the answer modes seen per chat operation; writes accepted ingest external ids and approved
 * action ids to files so the caller can account for every one in the database.
 *
 * Usage: java LoadBench.java <baseUrls,comma-separated> <requests> <seconds> <threads> <run-id> <out-dir>
 */
public class LoadBench {

    record Op(String name, int weight) {
    }

    static final List<Op> MIX = List.of(new Op("chat-small", 20), new Op("chat-llm", 10), new Op("ingest", 25),
            new Op("draft", 10), new Op("approve", 10), new Op("crm-search", 15), new Op("crm-read", 10));
    static final String[] SMALL = { "show me %s account details", "what is my pipeline by stage",
            "how many deals do I have closing this quarter" };
    static final String[] REPS = { "james", "sofia", "david", "emily", "aisha", "lucas", "hannah", "omar", "jonas",
            "giulia", "pieter", "anna" };
    static final String PASSWORD = "closeloop-demo";
    static final Pattern ACCOUNT = Pattern.compile("\\{\"id\":(\\d+),\"externalId\":(?:null|\"[^\"]*\"),\"name\":\"([^\"]+)\"");
    static final Pattern DRAFTED = Pattern.compile("\\{\"id\":(\\d+),\"type\":\"[A-Z_]+\",\"status\":\"DRAFTED\".*?\"version\":(\\d+)\\}");
    static final Pattern CONTACT = Pattern.compile("\\{\"id\":(\\d+),\"externalId\":(?:null|\"[^\"]*\"),\"accountId\":(\\d+),[^{}]*?\"email\":\"([^\"]+)\"[^{}]*?\"emailConsent\":\"GRANTED\"");
    static final Pattern CREATED = Pattern.compile("^\\{\"id\":(\\d+),");
    static final Pattern MODE = Pattern.compile("\"badge\":\\{\"mode\":\"([A-Z_]+)\"");

    record Account(long id, String name, long contactId, String email) {
    }

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        int requests = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.parseInt(args[2]));
        int threads = Integer.parseInt(args[3]);
        String run = args[4];
        Path out = Path.of(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, Map<String, AtomicInteger>> errors = new ConcurrentHashMap<>();
        Map<String, Map<String, AtomicInteger>> modes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> ingested = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> drafted = new ConcurrentLinkedQueue<>();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger nothingToApprove = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            String rep = REPS[t % REPS.length];
            String auth = "Basic " + Base64.getEncoder().encodeToString((rep + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            pool.submit(() -> {
              try {
                Random random = new Random(seed);
                List<Account> accounts = accounts(http, bases[seed % bases.length], auth);
                if (accounts.isEmpty()) {
                    System.err.println("rep " + rep + " sees no accounts; thread idle");
                    return null;
                }
                while (issued.incrementAndGet() <= requests && System.nanoTime() < deadline) {
                    String op = pick(random);
                    int n = sequence.incrementAndGet();
                    String base = bases[n % bases.length];
                    Account account = accounts.get(random.nextInt(accounts.size()));
                    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Authorization", auth);
                    String ingestId = null;
                    String approveId = null;
                    switch (op) {
                        case "chat-small" -> request.uri(URI.create(base + "/api/chat")).header("Content-Type", "application/json")
                                .POST(json("{\"message\":\"" + SMALL[random.nextInt(SMALL.length)].formatted(account.name()) + "\"}"));
                        case "chat-llm" -> request.uri(URI.create(base + "/api/chat")).header("Content-Type", "application/json")
                                .POST(json("{\"message\":\"write an email to " + account.name() + " about the new integration\",\"accountId\":"
                                        + account.id() + ",\"contactId\":" + account.contactId() + "}"));
                        case "draft" -> request.uri(URI.create(base + "/api/actions")).header("Content-Type", "application/json")
                                .POST(json("{\"type\":\"EMAIL\",\"accountId\":" + account.id() + ",\"contactId\":" + account.contactId()
                                        + ",\"recipients\":[\"" + account.email() + "\"],\"subject\":\"Follow-up " + n
                                        + "\",\"body\":\"Hello,\\nhere is the summary of our call.\\nBest regards\",\"agent\":\"load-bench\",\"route\":\"api\"}"));
                        case "ingest" -> {
                            ingestId = "load-" + run + "-" + n;
                            request.uri(URI.create(base + "/api/interactions")).header("Content-Type", "application/json")
                                    .POST(json("{\"externalId\":\"" + ingestId + "\",\"source\":\"load-bench\",\"channel\":\"EMAIL\","
                                            + "\"direction\":\"INBOUND\",\"occurredAt\":\"" + Instant.now() + "\",\"accountId\":" + account.id()
                                            + ",\"subject\":\"Question " + n + "\",\"body\":\"" + body(random) + "\"}"));
                        }
                        case "approve" -> {
                            String[] pickDraft = drafted(http, base, auth, random);
                            if (pickDraft == null) {
                                nothingToApprove.incrementAndGet();
                                continue;
                            }
                            approveId = pickDraft[0];
                            request.uri(URI.create(base + "/api/actions/" + approveId + "/approve")).header("Content-Type", "application/json")
                                    .POST(json("{\"version\":" + pickDraft[1] + "}"));
                        }
                        case "crm-search" -> request.uri(URI.create(base + "/api/accounts?size=20&q=" + (char) ('a' + random.nextInt(26)))).GET();
                        default -> request.uri(URI.create(base + "/api/accounts?size=50&page=" + random.nextInt(3))).GET();
                    }
                    long t0 = System.nanoTime();
                    int status;
                    String answer = "";
                    try {
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        answer = response.body();
                    } catch (Exception e) {
                        status = 0;
                    }
                    latencies.computeIfAbsent(op, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
                    if (status / 100 != 2) {
                        errors.computeIfAbsent(op, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
                        continue;
                    }
                    if (ingestId != null) {
                        ingested.add(ingestId);
                    } else if (approveId != null) {
                        approved.add(approveId);
                    } else if (op.equals("draft")) {
                        Matcher m = CREATED.matcher(answer);
                        if (m.find()) {
                            drafted.add(m.group(1));
                        }
                    } else if (op.startsWith("chat")) {
                        Matcher m = MODE.matcher(answer);
                        modes.computeIfAbsent(op, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(m.find() ? m.group(1) : "?", k -> new AtomicInteger()).incrementAndGet();
                    }
                }
              } catch (RuntimeException e) {
                  System.err.println("thread " + seed + " (" + rep + ") stopped: " + e);
                  e.printStackTrace();
              }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.write(out.resolve("ingested.txt"), new ArrayList<>(ingested));
        Files.write(out.resolve("approved.txt"), new ArrayList<>(approved));
        Files.write(out.resolve("drafted.txt"), new ArrayList<>(drafted));
        long total = 0;
        long failed = 0;
        System.out.println("| operation | requests | throughput (req/s) | p50 ms | p95 ms | p99 ms | errors (status: count) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            sorted.sort(null);
            Map<String, AtomicInteger> byStatus = errors.getOrDefault(e.getKey(), Map.of());
            int err = byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
            total += sorted.size();
            failed += err;
            System.out.printf("| %s | %d | %.1f | %.0f | %.0f | %.0f | %d (%.1f %%)%s |%n", e.getKey(), sorted.size(), sorted.size() / seconds,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), err, 100.0 * err / sorted.size(),
                    byStatus.isEmpty() ? "" : " " + new TreeMap<>(byStatus));
        }
        System.out.printf("| **all** | %d | %.1f | | | | %d (%.1f %%) |%n", total, total / seconds, failed, total == 0 ? 0 : 100.0 * failed / total);
        System.out.printf("%nWall time %.1f s, %d threads (one demo rep each), %d instance(s); approve found no DRAFTED action %d times (not counted as a request).%n",
                seconds, threads, bases.length, nothingToApprove.get());
        System.out.println("Answer modes (badge) of successful chats: " + new TreeMap<>(modes));
    }

    static HttpRequest.BodyPublisher json(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    static final String[] BODIES = {
        "Hi, could you send us the pricing for 40 more seats before our budget meeting on Friday?",
        "We are evaluating a competitor because the renewal price went up; can we talk about options?",
        "Thanks for the demo yesterday. Our security team asks for the SOC 2 report and the DPA.",
        "The integration with our ERP fails since the last release, please have someone look at it.",
        "We would like to expand to the EMEA team next quarter, what would the onboarding look like?" };

    static String body(Random random) {
        return BODIES[random.nextInt(BODIES.length)];
    }

    /** The rep's accounts that have a contact with e-mail consent (the recipient of drafts). */
    static List<Account> accounts(HttpClient http, String base, String auth) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/accounts?size=100"))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> c = http.send(HttpRequest.newBuilder(URI.create(base + "/api/contacts?size=500"))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<Long, String[]> contacts = new java.util.HashMap<>();
            Matcher cm = CONTACT.matcher(c.body());
            while (cm.find()) {
                contacts.putIfAbsent(Long.parseLong(cm.group(2)), new String[] { cm.group(1), cm.group(3) });
            }
            List<Account> accounts = new ArrayList<>();
            Matcher m = ACCOUNT.matcher(r.body());
            while (m.find()) {
                String[] contact = contacts.get(Long.parseLong(m.group(1)));
                if (contact != null) {
                    accounts.add(new Account(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(contact[0]), contact[1]));
                }
            }
            return accounts;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** One DRAFTED action of the rep's queue as {id, version}, or null when there is none. */
    static String[] drafted(HttpClient http, String base, String auth, Random random) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/actions?status=DRAFTED&size=20"))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String[]> found = new ArrayList<>();
            Matcher m = DRAFTED.matcher(r.body());
            while (m.find()) {
                found.add(new String[] { m.group(1), m.group(2) });
            }
            return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
        } catch (Exception e) {
            return null;
        }
    }

    static String pick(Random random) {
        int total = MIX.stream().mapToInt(Op::weight).sum();
        int r = random.nextInt(total);
        for (Op op : MIX) {
            r -= op.weight();
            if (r < 0) {
                return op.name();
            }
        }
        throw new IllegalStateException();
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
