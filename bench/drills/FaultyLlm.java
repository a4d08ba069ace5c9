import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat server on loopback for the load test and the LLM drill. What it does
 * is read from MODE_FILE on every request, so a drill can switch it while the service runs:
 * {@code ok} answers at once with a clean e-mail draft (no placeholders, so the guardrails let it
 * through), {@code fail} answers HTTP 500, {@code hang} reads the request and never answers
 * (until the client gives up). Prints the number of requests per mode on stderr when stopped.
 * Usage: java bench/drills/FaultyLlm.java PORT MODE_FILE
 */
public class FaultyLlm {

    static final String CONTENT = "{\\\"subject\\\":\\\"Following up on the integration\\\",\\\"body\\\":\\\"Hello,\\\\n\\\\nthank you"
            + " for your time this week. As discussed, the new integration is available to your team now; I am happy to"
            + " walk you through it.\\\\n\\\\nBest regards\\\",\\\"citedInteractionIds\\\":[],\\\"rationale\\\":\\\"Follows up on the"
            + " integration question\\\"}";
    static final byte[] OK = ("{\"id\":\"chatcmpl-load\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"bench-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + CONTENT + "\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":120,\"total_tokens\":1020}}").getBytes(StandardCharsets.UTF_8);
    static final byte[] FAIL = "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path modeFile = Path.of(args[1]);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong hung = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String mode = Files.exists(modeFile) ? Files.readString(modeFile).trim() : "ok";
            switch (mode) {
                case "fail" -> {
                    failed.incrementAndGet();
                    send(exchange, 500, FAIL);
                }
                case "hang" -> {
                    hung.incrementAndGet();
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                }
                default -> {
                    ok.incrementAndGet();
                    send(exchange, 200, OK);
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.printf("[faulty-llm] ok %d, fail %d, hang %d%n",
                ok.get(), failed.get(), hung.get())));
        server.start();
        System.err.println("[faulty-llm] listening on 127.0.0.1:" + port);
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
