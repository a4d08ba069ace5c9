package io.closeloop.vectorstore.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU time of this JVM and of the PostgreSQL backends serving this database, so a benchmark can
 * say where the machine's CPU went (wall-clock figures on a shared 2-core machine are noise).
 * The backends are read from {@code /proc/<pid>/stat} (user + system ticks, 100 per second on
 * Linux): only meaningful when PostgreSQL runs on this machine; otherwise the backend figure is absent.
 */
final class CpuMeter {

    private static final double MS_PER_TICK = 10.0;

    /** A reading: JVM CPU in ns, and backend pid -> CPU ticks (empty when unreadable). */
    record Reading(long jvmNanos, Map<Long, Long> backendTicks, Map<Long, ThreadCpu> threads, long brokerTicks) {
    }

    record ThreadCpu(String name, long nanos) {
    }

    private final DataSource db;

    CpuMeter(DataSource db) {
        this.db = db;
    }

    Reading read() {
        return new Reading(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
                backends(), threads(), broker());
    }

    /**
     * CPU ticks of the RabbitMQ node on this machine (the {@code beam.smp} process), -1 when there
     * is none: the whole broker, so other vhosts' traffic during a round is counted too.
     */
    private static long broker() {
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String line = Files.readString(proc.resolve("stat"));
                    if (line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).equals("beam.smp")) {
                        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while being read
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU ms of the RabbitMQ node between two readings; NaN when it could not be read (not on this machine). */
    static double brokerMs(Reading from, Reading to) {
        return from.brokerTicks() < 0 || to.brokerTicks() < 0 ? Double.NaN : (to.brokerTicks() - from.brokerTicks()) * MS_PER_TICK;
    }

    /**
     * Every thread of the process with its CPU, from {@code /proc/self/task} (names cut to 15
     * characters by Linux), so the JVM's own threads (GC, JIT compilers) are included; the
     * Java threads only when {@code /proc} cannot be read.
     */
    private static Map<Long, ThreadCpu> threads() {
        Map<Long, ThreadCpu> cpu = new HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    cpu.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(name, (long) (ticks * MS_PER_TICK * 1e6)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
            return cpu;
        } catch (IOException | RuntimeException e) {
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (long id : mx.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
                long nanos = mx.getThreadCpuTime(id);
                if (info != null && nanos >= 0) {
                    cpu.put(id, new ThreadCpu(info.getThreadName(), nanos));
                }
            }
            return cpu;
        }
    }

    /** CPU ms of the threads with these names between two readings. */
    static double threadMs(Reading from, Reading to, String... names) {
        List<String> wanted = List.of(names);
        long nanos = 0;
        for (Map.Entry<Long, ThreadCpu> e : to.threads().entrySet()) {
            if (wanted.contains(e.getValue().name())) {
                ThreadCpu before = from.threads().get(e.getKey());
                nanos += e.getValue().nanos() - (before == null ? 0 : before.nanos());
            }
        }
        return nanos / 1e6;
    }

    /** CPU ms by thread name (digits folded, so a pool is one line), largest first: where the JVM's CPU went. */
    static String byThread(Reading from, Reading to, int per) {
        Map<String, Double> ms = new HashMap<>();
        for (Map.Entry<Long, ThreadCpu> e : to.threads().entrySet()) {
            ThreadCpu before = from.threads().get(e.getKey());
            long nanos = e.getValue().nanos() - (before == null ? 0 : before.nanos());
            ms.merge(e.getValue().name().replaceAll("[0-9]+", "#"), nanos / 1e6 / per, Double::sum);
        }
        StringBuilder out = new StringBuilder();
        ms.entrySet().stream().filter(e -> e.getValue() >= 0.01).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.2f; ", e.getKey(), e.getValue())));
        return out.toString();
    }

    static double jvmMs(Reading from, Reading to) {
        return (to.jvmNanos() - from.jvmNanos()) / 1e6;
    }

    /** CPU of the backends between two readings; NaN when they could not be read. A backend that started in between counts from zero. */
    static double backendMs(Reading from, Reading to) {
        if (to.backendTicks().isEmpty()) {
            return Double.NaN;
        }
        long ticks = 0;
        for (Map.Entry<Long, Long> e : to.backendTicks().entrySet()) {
            ticks += e.getValue() - from.backendTicks().getOrDefault(e.getKey(), 0L);
        }
        return ticks * MS_PER_TICK;
    }

    private Map<Long, Long> backends() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (rs.next()) {
                Path stat = Path.of("/proc", String.valueOf(rs.getLong(1)), "stat");
                if (!Files.isReadable(stat)) {
                    return Map.of();
                }
                String line = Files.readString(stat);
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" "); // fields from 3 (state) on
                ticks.put(rs.getLong(1), Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime (14), stime (15)
            }
        } catch (SQLException | IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }
}
