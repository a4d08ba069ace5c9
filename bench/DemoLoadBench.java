import io.closeloop.crm.demo.DemoBook;
import io.closeloop.crm.demo.DemoBookGenerator;
import io.closeloop.crm.demo.DemoBookInserts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Benchmark of the demo load (crm/demo): on a scratch database migrated from scratch for each
 * run, it times generating the book and writing it (batched inserts, bcrypt hashing, commit) the
 * way the loader does on the first start. Run by bench/demo-load.sh; writes
 * bench/reports/demo-load.md. Arguments: [runs] (default 7; the first is reported as cold).
 */
public class DemoLoadBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String url = env("CLOSELOOP_BENCH_DB_URL", "jdbc:postgresql://localhost:5432/closeloop_bench");
        String user = env("CLOSELOOP_DB_USER", "closeloop");
        String password = env("CLOSELOOP_DB_PASSWORD", "closeloop");
        Flyway flyway = Flyway.configure().dataSource(url, user, password).cleanDisabled(false)
                .locations("classpath:db/migration").load();
        String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        String loadBefore = String.join(" ", Arrays.copyOf(loadavg, 3));
        long seed = 42;
        List<double[]> samples = new ArrayList<>(); // generate ms, insert+commit ms, total ms
        DemoBook book = null;
        for (int run = 0; run < runs; run++) {
            flyway.clean();
            flyway.migrate();
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(false);
                long t0 = System.nanoTime();
                book = DemoBookGenerator.generate(seed, LocalDate.now(ZoneOffset.UTC));
                long t1 = System.nanoTime();
                new DemoBookInserts(connection).insert(book);
                connection.commit();
                long t2 = System.nanoTime();
                samples.add(new double[] { (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6 });
                System.out.printf("run %d: generate %.0f ms, insert+commit %.0f ms, total %.0f ms%n", run + 1,
                        samples.get(run)[0], samples.get(run)[1], samples.get(run)[2]);
                if (run == 0) {
                    System.out.println("rows: " + rowCount(connection));
                }
            }
        }
        writeReport(runs, samples, book, loadBefore, url);
    }

    private static void writeReport(int runs, List<double[]> samples, DemoBook book, String loadBefore, String url)
            throws IOException, SQLException {
        List<double[]> warm = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
        String[] names = { "generate", "insert + commit", "total" };
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: demo load\n\n")
                .append("What the loader does on a first start with `CLOSELOOP_DEMO=true`: generate the demo book (seed 42) and ")
                .append("write it with batched JDBC inserts in one transaction, bcrypt hashing included (one hash per distinct ")
                .append("password). Each run starts from an empty schema (Flyway clean + migrate, not timed). ")
                .append("Application start-up is not included. Run with `bench/demo-load.sh [runs]`.\n\n")
                .append("Book: ").append(book.accounts().size()).append(" accounts, ").append(book.contacts().size())
                .append(" contacts, ").append(book.deals().size()).append(" deals with ")
                .append(book.deals().stream().mapToInt(d -> d.history().size()).sum()).append(" stage-history rows, ")
                .append(book.tasks().size()).append(" tasks, ").append(book.users().size()).append(" users, ")
                .append(book.products().size()).append(" products.\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memoryGb()).append(" GB RAM, shared with other builds (load average before the runs: ")
                .append(loadBefore).append("); Java ").append(System.getProperty("java.version")).append("; ")
                .append(postgresVersion(url)).append(" on localhost.\n\n")
                .append("Cold run (first in a fresh JVM): ").append(fmt(samples.get(0)[2])).append(" ms total (generate ")
                .append(fmt(samples.get(0)[0])).append(" ms, insert + commit ").append(fmt(samples.get(0)[1])).append(" ms).\n\n")
                .append("Warm runs (").append(warm.size()).append(" of ").append(runs).append("):\n\n")
                .append("| step | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
        for (int i = 0; i < names.length; i++) {
            final int column = i;
            double[] values = warm.stream().mapToDouble(s -> s[column]).sorted().toArray();
            md.append("| ").append(names[i]).append(" | ").append(fmt(median(values))).append(" | ")
                    .append(fmt(values[0])).append(" | ").append(fmt(values[values.length - 1])).append(" |\n");
        }
        md.append("\nAll runs (generate / insert + commit / total ms): ");
        for (double[] s : samples) {
            md.append(fmt(s[0])).append('/').append(fmt(s[1])).append('/').append(fmt(s[2])).append("  ");
        }
        md.append('\n');
        Path report = Path.of("bench/reports/demo-load.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString());
        System.out.println("report: " + report);
    }

    private static String rowCount(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select (select count(*) from account), (select count(*) from contact), (select count(*) from deal),"
                        + " (select count(*) from deal_stage_history), (select count(*) from task)")) {
            rs.next();
            return rs.getLong(1) + " accounts, " + rs.getLong(2) + " contacts, " + rs.getLong(3) + " deals, "
                    + rs.getLong(4) + " history rows, " + rs.getLong(5) + " tasks";
        }
    }

    private static String postgresVersion(String url) {
        try (Connection c = DriverManager.getConnection(url, env("CLOSELOOP_DB_USER", "closeloop"),
                env("CLOSELOOP_DB_PASSWORD", "closeloop"))) {
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

    private static String fmt(double ms) {
        return String.format("%.0f", ms);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
