package io.closeloop.actions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged service is killed with SIGKILL while it executes approved actions, and the next
 * start finishes the work. A CRM change killed inside its transaction is applied exactly once
 * after the restart. An e-mail killed during the SMTP hand-over (the server had the whole message
 * but had not answered) is never sent a second time: its outcome is unknown to the service, so
 * the recovered action fails for good with that reason instead of risking a duplicate.
 * Three starts of the service in one sequence, to keep the test short.
 */
class ExecutionAfterKillIT {

    @AfterEach
    void noServiceLeftBehind() {
        ReliabilityService.killAll();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void actionsInterruptedByKillMinus9AreFinishedOnceByTheNextStart() throws Exception {
        ReliabilityRabbit rabbit = ReliabilityRabbit.shared();
        long rep = ReliabilityDb.rep("kill");
        long account = ReliabilityDb.account(rep, "Kill Co");
        String to = ReliabilityDb.unique("casey") + "@customer.example";
        long contact = ReliabilityDb.contact(account, to);
        long deal = ReliabilityDb.deal(account, rep, "PROSPECTING");
        GreenMail mailbox = new GreenMail(new ServerSetup(ReliabilityService.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailbox.start();
        try (ReliabilitySmtpHold hanging = new ReliabilitySmtpHold(to)) {
            // 1. killed during the SMTP hand-over
            long email;
            try (ReliabilityService first = ReliabilityService.start("kill-1", smtp(rabbit, hanging.port))) {
                email = ReliabilityDb.approvedEmail(rep, account, contact, to, "Reliability " + to);
                assertThat(hanging.holding.await(120, TimeUnit.SECONDS)).as("the SMTP hand-over started").isTrue();
                assertThat(ReliabilityDb.string("select state from action_execution where action_id = ?", email)).isEqualTo("STARTED");
                first.kill();
            }
            assertThat(hanging.held).hasSize(1).allMatch(m -> m.contains("X-Closeloop-Action-Key"));

            // 2. the next start settles the e-mail, then is killed inside the transaction of a CRM change
            long change = ReliabilityDb.approvedStageChange(rep, account, deal, "PROSPECTING", "NEGOTIATION");
            try (Connection holder = ReliabilityDb.connect()) {
                // Hold the deal's row (not its key, so inserts that reference it pass): the service's update
                // blocks inside its execution transaction, after the claim, and the kill lands there.
                holder.setAutoCommit(false);
                ReliabilityDb.prepare(holder, "select id from deal where id = ? for no key update", deal).executeQuery().close();
                int holderPid = (int) pid(holder);
                try (ReliabilityService second = ReliabilityService.start("kill-2", smtp(rabbit, mailbox.getSmtp().getPort()))) {
                    await("the e-mail settled", Duration.ofSeconds(120), () -> "FAILED".equals(status(email)));
                    await("the service blocked on the deal inside the execution", Duration.ofSeconds(120),
                            () -> "EXECUTING".equals(status(change)) && ReliabilityDb.count(
                                    "select count(*) from pg_stat_activity where ?::int = any(pg_blocking_pids(pid))", holderPid) > 0);
                    second.kill();
                }
                holder.rollback();
            }
            assertThat(ReliabilityDb.string("select stage from deal where id = ?", deal)).isEqualTo("PROSPECTING");
            assertThat(ReliabilityDb.count("select count(*) from action_execution where action_id = ?", change)).isZero();

            // 3. the third start recovers the change once its lease ran out
            try (ReliabilityService third = ReliabilityService.start("kill-3", smtp(rabbit, mailbox.getSmtp().getPort()))) {
                await("the recovered change executed", Duration.ofSeconds(120), () -> "EXECUTED".equals(status(change)));
                Thread.sleep(2000); // a second application or e-mail, if there were one, would have happened by now
            }
            assertThat(ReliabilityDb.string("select stage from deal where id = ?", deal)).isEqualTo("NEGOTIATION");
            assertThat(ReliabilityDb.count("select count(*) from deal_stage_history where deal_id = ? and source = 'ACTION'", deal))
                    .isEqualTo(1);
            assertThat(ReliabilityDb.count("select count(*) from action_execution where action_id = ? and state = 'DONE'", change))
                    .isEqualTo(1);
            assertThat(ReliabilityDb.count("select count(*) from action_event where action_id = ? and to_status = 'EXECUTED'", change))
                    .isEqualTo(1);
            assertThat(ReliabilityDb.count("select attempts from action where id = ?", change)).isEqualTo(2);
            assertThat(ReliabilityDb.count("select count(*) from action_event where action_id = ? and note like 'recovered after the lease%'",
                    change)).isEqualTo(1);

            MimeMessage[] received = Arrays.stream(mailbox.getReceivedMessages()).filter(m -> addressedTo(m, to)).toArray(MimeMessage[]::new);
            assertThat(received).as("no second e-mail after the restarts").isEmpty();
            assertThat(hanging.held).hasSize(1);
            assertThat(status(email)).isEqualTo("FAILED");
            assertThat(ReliabilityDb.string("select last_error from action where id = ?", email)).contains("did not record the result");
            assertThat(ReliabilityDb.string("select next_attempt_at::text from action where id = ?", email)).isNull();
        } finally {
            mailbox.stop();
        }
    }

    private static Map<String, String> smtp(ReliabilityRabbit rabbit, int port) {
        Map<String, String> env = new HashMap<>(rabbit.serviceEnv());
        env.put("CLOSELOOP_SMTP_HOST", "127.0.0.1");
        env.put("CLOSELOOP_SMTP_PORT", String.valueOf(port));
        env.put("CLOSELOOP_SMTP_STARTTLS", "DISABLED");
        return env;
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(long action) throws Exception {
        return ReliabilityDb.string("select status from action where id = ?", action);
    }

    private static long pid(Connection c) throws Exception {
        try (var r = c.createStatement().executeQuery("select pg_backend_pid()")) {
            r.next();
            return r.getLong(1);
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    static void await(String what, Duration timeout, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
