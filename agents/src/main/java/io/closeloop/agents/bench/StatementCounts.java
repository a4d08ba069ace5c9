package io.closeloop.agents.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The SQL statements of this database during the LLM-path benchmark, from {@code pg_stat_statements}
 * (calls and execution time per statement; transactions show as {@code BEGIN}). Without the
 * extension it says so and counts nothing. Counts include the service's background jobs (outbox
 * relay, schedulers) running at the same time. {@code pg_stat_statements_reset()} clears the whole
 * cluster: when someone calls it during the run, the statement counts are dropped (and said so);
 * transactions are then still counted from {@code pg_stat_database}, which only a reset of this
 * database clears.
 */
@ApplicationScoped
public class StatementCounts {

    /** One statement's totals so far. */
    public record SqlCount(String query, long calls, double totalMs) {
    }

    private final DataSource dataSource;

    public StatementCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Totals per statement id (empty when pg_stat_statements is not installed in this database), plus
     * this database's transactions and written rows under the keys {@code #xact}, {@code #rows} and
     * the statistics' reset time under {@code #reset}.
     */
    public Map<String, SqlCount> snapshot() {
        Map<String, SqlCount> out = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted"
                    + " from pg_stat_database where datname = current_database()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put("#xact", new SqlCount("transactions (pg_stat_database)", rs.getLong(1), 0));
                out.put("#rows", new SqlCount("rows written (pg_stat_database)", rs.getLong(2), 0));
            }
            try (PreparedStatement ps = c.prepareStatement("select s.queryid, s.query, s.calls, s.total_exec_time from pg_stat_statements s"
                    + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new SqlCount(rs.getString(2), rs.getLong(3), rs.getDouble(4)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select cast(stats_reset as text) from pg_stat_statements_info");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put("#reset", new SqlCount(rs.getString(1), 0, 0));
            }
        } catch (SQLException e) {
            System.out.println("sql-unavailable " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    /**
     * Prints {@code sql <calls per request> <mean ms> <statement>} for what ran at least once every ten
     * requests. pg_stat_database publishes a backend's counts when it is idle for a while or at the
     * end of a transaction a second after its last report: call after the service has been idle ~11 s.
     */
    public void printDelta(Map<String, SqlCount> before, Map<String, SqlCount> after, long requests) {
        SqlCount resetBefore = before.get("#reset");
        SqlCount resetAfter = after.get("#reset");
        if (resetBefore == null || resetAfter == null || !resetBefore.query().equals(resetAfter.query())) {
            System.out.println("sql-unavailable pg_stat_statements was reset during the run (by another user of this PostgreSQL?)");
            after.keySet().removeIf(k -> !k.startsWith("#"));
        }
        after.remove("#reset");
        after.forEach((id, now) -> {
            SqlCount then = before.getOrDefault(id, new SqlCount(now.query(), 0, 0));
            long calls = now.calls() - then.calls();
            if (calls * 10 >= requests) {
                System.out.printf(Locale.ROOT, "sql %.2f %.3f %s%n", (double) calls / requests, (now.totalMs() - then.totalMs()) / calls,
                        now.query().replaceAll("\\s+", " "));
            }
        });
    }
}
