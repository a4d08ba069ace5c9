package io.closeloop.actions.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * An SMTP server that takes a message for one recipient up to the end of its DATA and then
 * never answers, as a server that hangs while accepting it: the sender is caught in the middle of
 * the hand-over, where a crash leaves the outcome unknown to it. Messages to anyone else are
 * accepted normally (other tests' approved e-mails may be executed by the same service).
 */
final class ReliabilitySmtpHold implements AutoCloseable {

    final int port;
    final CountDownLatch holding = new CountDownLatch(1);
    final List<String> held = Collections.synchronizedList(new ArrayList<>());
    private final String recipient;
    private final ServerSocket server;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    ReliabilitySmtpHold(String recipient) throws IOException {
        this.recipient = recipient.toLowerCase(Locale.ROOT);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        Thread acceptor = new Thread(this::accept, "smtp-hold");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread session = new Thread(() -> session(socket), "smtp-hold-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 hold.test ESMTP");
            boolean ours = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-hold.test\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("MAIL") || command.startsWith("RSET")
                        || command.startsWith("NOOP")) {
                    ours = command.startsWith("MAIL") ? false : ours;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT")) {
                    ours |= line.toLowerCase(Locale.ROOT).contains(recipient);
                    reply(out, "250 OK");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line).append('\n');
                    }
                    if (ours) {
                        held.add(data.toString());
                        holding.countDown();
                        while (in.read() >= 0) {
                            // hold: never answer the end of DATA; wait for the sender to go away
                        }
                        return;
                    }
                    reply(out, "250 accepted");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the sender went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
