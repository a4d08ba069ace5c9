package io.closeloop.actions.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Plain JDBC on the test database, which the child services share: fixtures written the way
 * the service stores them, and the queries the tests assert on. The database is the one of the
 * test suite ({@code CLOSELOOP_TEST_DB_URL}, default {@code closeloop_test}); every fixture has a
 * unique name so tests never see each other's rows.
 */
final class ReliabilityDb {

    static final String URL = System.getenv().getOrDefault("CLOSELOOP_TEST_DB_URL", "jdbc:postgresql://localhost:5432/closeloop_test");
    static final String USER = System.getenv().getOrDefault("CLOSELOOP_DB_USER", "closeloop");
    static final String PASSWORD = System.getenv().getOrDefault("CLOSELOOP_DB_PASSWORD", "closeloop");

    private ReliabilityDb() {
    }

    static Map<String, String> serviceEnv() {
        return Map.of("CLOSELOOP_DB_URL", URL, "CLOSELOOP_DB_USER", USER, "CLOSELOOP_DB_PASSWORD", PASSWORD);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A rep (in a team of their own) who owns what the test creates; cannot sign in. */
    static long rep(String prefix) throws SQLException {
        String name = unique(prefix);
        long team = id("insert into team (name) values (?) returning id", name);
        return id("insert into rep (username, password_hash, full_name, email, role, team_id) values (?, '!', ?, ?, 'REP', ?) returning id",
                name, "Reliability " + name, name + "@it.closeloop", team);
    }

    static long account(long owner, String prefix) throws SQLException {
        String name = unique(prefix);
        return id("insert into account (name, normalized_name, owner_id) values (?, ?, ?) returning id", name, name.toLowerCase(), owner);
    }

    static long contact(long account, String email) throws SQLException {
        return id("insert into contact (account_id, first_name, email, normalized_email, email_consent, email_consent_at) "
                + "values (?, 'Casey', ?, ?, 'GRANTED', now()) returning id", account, email, email.toLowerCase());
    }

    static long deal(long account, long owner, String stage) throws SQLException {
        return id("insert into deal (account_id, name, stage, owner_id) values (?, ?, ?, ?) returning id",
                account, unique("deal"), stage, owner);
    }

    /** An approved change of a deal's stage, as a rep's approval leaves it: the executor picks it up. */
    static long approvedStageChange(long owner, long account, long deal, String from, String to) throws SQLException {
        return id("""
                insert into action (type, status, account_id, deal_id, owner_id, subject, field_name, old_value, new_value,
                                    origin, agent, route, guardrail_verdict, idempotency_key, queued_at, decided_at, decided_by_id)
                values ('CRM_FIELD_UPDATE', 'APPROVED', ?, ?, ?, 'Move the deal', 'stage', ?, ?,
                        'API', 'reliability-it', 'it', 'UNCHECKED', gen_random_uuid(), now(), now(), ?) returning id""",
                account, deal, owner, from, to, owner);
    }

    /** An approved task. */
    static long approvedTask(long owner, long account, String subject) throws SQLException {
        return id("""
                insert into action (type, status, account_id, owner_id, subject, body, due_date,
                                    origin, agent, route, guardrail_verdict, idempotency_key, queued_at, decided_at, decided_by_id)
                values ('TASK', 'APPROVED', ?, ?, ?, 'Created while testing reliability', current_date + 1,
                        'API', 'reliability-it', 'it', 'UNCHECKED', gen_random_uuid(), now(), now(), ?) returning id""",
                account, owner, subject, owner);
    }

    /** An approved e-mail to one recipient. */
    static long approvedEmail(long owner, long account, long contact, String to, String subject) throws SQLException {
        return id("""
                insert into action (type, status, account_id, contact_id, owner_id, recipients, subject, body,
                                    origin, agent, route, guardrail_verdict, idempotency_key, queued_at, decided_at, decided_by_id)
                values ('EMAIL', 'APPROVED', ?, ?, ?, array[?], ?, 'Hello Casey,\nthis is a reliability test.\n',
                        'API', 'reliability-it', 'it', 'UNCHECKED', gen_random_uuid(), now(), now(), ?) returning id""",
                account, contact, owner, to, subject, owner);
    }

    static long id(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        return id(sql, params);
    }

    static String string(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            s.setObject(i + 1, p instanceof Long[] ids ? c.createArrayOf("bigint", ids)
                    : p instanceof String[] texts ? c.createArrayOf("text", texts) : p);
        }
        return s;
    }
}
