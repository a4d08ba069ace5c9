import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the CSV import through the running service (bench/import.sh starts it): for each
 * run it empties the CRM tables, then uploads generated HubSpot-shaped accounts, contacts and deals
 * files (first import: all created) and uploads them again (re-import: all unchanged), timing each
 * request end to end. Writes bench/reports/import.md. Arguments: [runs] (default 3) [rows] (default 1000).
 */
public class ImportBench {

    private static final String[] KINDS = { "accounts", "contacts", "deals" };
    private static final String PASSWORD = "bench-password";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String url = env("CLOSELOOP_BENCH_DB_URL", "jdbc:postgresql://localhost:5432/closeloop_bench_import");
        String service = env("CLOSELOOP_BENCH_URL", "http://localhost:18080");
        String loadBefore = String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("accounts", accounts(rows));
        files.put("contacts", contacts(rows));
        files.put("deals", deals(rows));
        HttpClient http = HttpClient.newHttpClient();
        // samples[kind][pass] = ms per run; pass 0 = first import, 1 = re-import
        Map<String, List<List<Double>>> samples = new LinkedHashMap<>();
        for (String kind : KINDS) {
            samples.put(kind, List.of(new ArrayList<>(), new ArrayList<>()));
        }
        for (int run = 0; run < runs; run++) {
            String auth = resetAndCreateImporter(url, run);
            for (int pass = 0; pass < 2; pass++) {
                for (String kind : KINDS) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/api/import/" + kind))
                            .header("Content-Type", "text/csv; charset=utf-8").header("Authorization", auth)
                            .POST(HttpRequest.BodyPublishers.ofString(files.get(kind), StandardCharsets.UTF_8)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    check(response, kind, pass, rows);
                    samples.get(kind).get(pass).add(ms);
                    System.out.printf("run %d %s %s: %.0f ms (%.0f rows/s)%n", run + 1, pass == 0 ? "import" : "re-import", kind,
                            ms, rows / (ms / 1000));
                }
            }
        }
        writeReport(runs, rows, samples, loadBefore, url, files);
    }

    /** The first import creates every row, the second leaves every row unchanged; anything else is a failed run. */
    private static void check(HttpResponse<String> response, String kind, int pass, int rows) {
        String body = response.body();
        String expected = pass == 0 ? "created" : "unchanged";
        Matcher m = Pattern.compile("\"" + expected + "\":(\\d+)").matcher(body);
        if (response.statusCode() != 200 || !m.find() || Integer.parseInt(m.group(1)) != rows) {
            throw new IllegalStateException(kind + " pass " + pass + ": HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(500, body.length())));
        }
    }

    private static String resetAndCreateImporter(String url, int run) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, env("CLOSELOOP_DB_USER", "closeloop"), env("CLOSELOOP_DB_PASSWORD", "closeloop"));
                Statement s = c.createStatement()) {
            s.execute("truncate account, account_team_share, contact, deal, deal_stage_history, task, outbox restart identity cascade");
            s.execute("delete from rep where username like 'bench-%'");
            try (PreparedStatement p = c.prepareStatement("insert into rep (username, password_hash, full_name, email, role) "
                    + "values (?, ?, 'Bench Importer', ?, 'ADMIN')")) {
                String username = "bench-" + run;
                p.setString(1, username);
                p.setString(2, BcryptUtil.bcryptHash(PASSWORD));
                p.setString(3, username + "@bench.test");
                p.executeUpdate();
                return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String accounts(int rows) {
        StringBuilder csv = new StringBuilder("Record ID,Company name,Company Domain Name,Industry,Annual Revenue,Company owner,City\n");
        for (int i = 0; i < rows; i++) {
            csv.append(900000 + i).append(",\"Company ").append(i).append(", Inc.\",company-").append(i).append(".example,")
                    .append(i % 2 == 0 ? "Computer Software" : "Logistics").append(",\"$").append(String.format("%,d", 100000 + i * 1000L))
                    .append("\",Former Employee,Springfield\n");
        }
        return csv.toString();
    }

    private static String contacts(int rows) {
        StringBuilder csv = new StringBuilder("Record ID,First Name,Last Name,Email,Job Title,Associated Company,Unsubscribed from all email\n");
        for (int i = 0; i < rows; i++) {
            csv.append(800000 + i).append(",Pat,Number").append(i).append(",pat").append(i).append("@company-").append(i)
                    .append(".example,Buyer,\"Company ").append(i).append(", Inc.\",").append(i % 10 == 0).append('\n');
        }
        return csv.toString();
    }

    private static String deals(int rows) {
        String[] stages = { "appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon", "closedlost" };
        StringBuilder csv = new StringBuilder("Record ID,Deal Name,Deal Stage,Amount,Close Date,Associated Company\n");
        for (int i = 0; i < rows; i++) {
            csv.append(700000 + i).append(",Deal ").append(i).append(',').append(stages[i % stages.length]).append(",\"")
                    .append(String.format("%,d.50", 5000 + i)).append("\",").append(1 + i % 12).append('/').append(1 + i % 28)
                    .append("/2025,\"Company ").append(i).append(", Inc.\"\n");
        }
        return csv.toString();
    }

    private static void writeReport(int runs, int rows, Map<String, List<List<Double>>> samples, String loadBefore, String url,
            Map<String, String> files) throws IOException, SQLException {
        StringBuilder md = new StringBuilder("# Benchmark: CSV import\n\n")
                .append("`POST /api/import/{kind}` against the packaged service on localhost, timed end to end by the client ")
                .append("(upload, parse, one transaction per row, report). Each run empties the CRM tables, imports ").append(rows)
                .append(" generated HubSpot-shaped rows of accounts, then contacts (attached by company name), then deals ")
                .append("(attached by company name; US dates, formatted amounts, HubSpot stage ids) — every row created — and ")
                .append("then uploads the same three files again (every row unchanged). Run with `bench/import.sh [runs] [rows]`.\n\n")
                .append("File sizes: ");
        files.forEach((kind, csv) -> md.append(kind).append(' ').append(csv.getBytes(StandardCharsets.UTF_8).length / 1024).append(" KiB, "));
        md.setLength(md.length() - 2);
        md.append(".\n\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(memoryGb())
                .append(" GB RAM, shared with other builds (load average before the runs: ").append(loadBefore).append("); Java ")
                .append(System.getProperty("java.version")).append("; ").append(postgresVersion(url)).append(" on localhost.\n\n")
                .append("Runs: ").append(runs).append(" (the first includes the service's warm-up).\n\n")
                .append("| file | pass | median ms | min ms | max ms | median rows/s |\n|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<List<Double>>> kind : samples.entrySet()) {
            for (int pass = 0; pass < 2; pass++) {
                double[] values = kind.getValue().get(pass).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = median(values);
                md.append("| ").append(kind.getKey()).append(" | ").append(pass == 0 ? "import (created)" : "re-import (unchanged)")
                        .append(" | ").append(fmt(median)).append(" | ").append(fmt(values[0])).append(" | ")
                        .append(fmt(values[values.length - 1])).append(" | ").append(fmt(rows / (median / 1000))).append(" |\n");
            }
        }
        md.append("\nAll runs (ms): ");
        samples.forEach((kind, passes) -> md.append(kind).append(" ").append(rounded(passes.get(0))).append(" / ")
                .append(rounded(passes.get(1))).append("; "));
        md.append('\n');
        Path report = Path.of("bench/reports/import.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString());
        System.out.println("report: " + report);
    }

    private static String postgresVersion(String url) {
        try (Connection c = DriverManager.getConnection(url, env("CLOSELOOP_DB_USER", "closeloop"), env("CLOSELOOP_DB_PASSWORD", "closeloop"))) {
            return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    private static long memoryGb() throws IOException {
        String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
        return Math.round(Long.parseLong(total) / 1024.0 / 1024.0);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(ImportBench::fmt).toList().toString();
    }

    private static String fmt(double value) {
        return String.format("%.0f", value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
