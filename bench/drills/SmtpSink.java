import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A minimal SMTP server on loopback for the load test and drills: accepts every message and appends
 * one line per message to a file: the value of its {@code X-Closeloop-Action-Key} header (the
 * action's idempotency key), so the caller can count e-mails per action (sent once, never twice).
 * Usage: java bench/drills/SmtpSink.java PORT KEYS_FILE
 */
public class SmtpSink {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path keys = Path.of(args[1]);
        Files.write(keys, new byte[0]);
        try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress())) {
            System.err.println("[smtp-sink] listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket, keys));
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    static void serve(Socket socket, Path keys) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 localhost smtp-sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String key = "(none)";
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (data.regionMatches(true, 0, "X-Closeloop-Action-Key:", 0, 23)) {
                                key = data.substring(23).trim();
                            }
                        }
                        synchronized (SmtpSink.class) {
                            Files.writeString(keys, key + "\n", StandardOpenOption.APPEND);
                        }
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
