import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Load generator (a second process, loopback only): a weighted mix of operations against one or
 * more service instances (round-robin), bounded by a request count and a time limit. Prints one
 * Markdown table row per operation (count, throughput, p50/p95/p99 ms, errors) and writes the
 * names of accepted writes to a file so the caller can account for every one in the database.
 *
 * Usage: java LoadBench.java <baseUrls,comma-separated> <user> <password> <requests> <seconds> <threads> <run-id> <accepted-file>
 */
public class LoadBench {

    record Op(String name, int weight) {
    }

    static final List<Op> MIX = List.of(new Op("crm-search", 6), new Op("crm-read", 2), new Op("crm-write", 2));

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int requests = Integer.parseInt(args[3]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.parseInt(args[4]));
        int threads = Integer.parseInt(args[5]);
        String run = args[6];
        java.nio.file.Path acceptedFile = java.nio.file.Path.of(args[7]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            pool.submit(() -> {
                Random random = new Random(seed);
                while (issued.incrementAndGet() <= requests && System.nanoTime() < deadline) {
                    String op = pick(random);
                    int n = sequence.incrementAndGet();
                    String base = bases[n % bases.length];
                    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30)).header("Authorization", auth);
                    String name = null;
                    switch (op) {
                        case "crm-search" -> request.uri(URI.create(base + "/api/accounts?size=20&q=" + (char) ('a' + random.nextInt(26)))).GET();
                        case "crm-read" -> request.uri(URI.create(base + "/api/accounts?size=50&page=" + random.nextInt(5))).GET();
                        default -> {
                            name = "load-" + run + "-" + n;
                            request.uri(URI.create(base + "/api/accounts")).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"industry\":\"Software\"}"));
                        }
                    }
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    latencies.computeIfAbsent(op, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
                    if (status / 100 != 2) {
                        errors.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
                    } else if (name != null) {
                        accepted.add(name);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        java.nio.file.Files.write(acceptedFile, new ArrayList<>(accepted));
        System.out.println("| operation | requests | throughput (req/s) | p50 ms | p95 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            sorted.sort(null);
            int err = errors.getOrDefault(e.getKey(), new AtomicInteger()).get();
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d (%.2f %%) |%n", e.getKey(), sorted.size(), sorted.size() / seconds,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), err, 100.0 * err / sorted.size());
        }
        System.out.printf("%nwall time %.1f s, %d threads, %d instance(s)%n", seconds, threads, bases.length);
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
