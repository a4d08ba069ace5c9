package io.closeloop.actions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The in-process SMTP server (GreenMail) the service sends to in tests, on the port
 * {@code quarkus.mailer.port} names. Started once per test JVM; tests look only at the messages
 * addressed to their own (unique) recipients, so they never see each other's mail.
 */
public final class SmtpServer {

    private static GreenMail server;

    private SmtpServer() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
            Instant deadline = Instant.now().plusSeconds(20);
            while (server == null) {
                GreenMail candidate = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                try {
                    candidate.start();
                    server = candidate;
                } catch (IllegalStateException e) { // the port of a just-stopped server may still be held
                    if (Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    sleep(250);
                }
            }
        }
        return server;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages received for this recipient so far. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits until at least {@code count} messages arrived for the recipient, or the timeout passes. */
    public static List<MimeMessage> await(String recipient, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> found = to(recipient);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            found = to(recipient);
        }
        return found;
    }
}
