import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat server for the LLM variant of the actions benchmark: every
 * completion is a retention e-mail (the JSON the e-mail writer expects), answered after a fixed,
 * known delay that stands for the model's own time.
 * Usage: java bench/ActionsLlm.java PORT DELAY_MS
 */
public class ActionsLlm {

    static final String CONTENT = "{\\\"subject\\\":\\\"Your concerns about the service\\\",\\\"body\\\":\\\"Hello,\\\\n\\\\nthank you for"
            + " telling us plainly. The outages you describe are not acceptable to us either. Could we call this week to go through"
            + " what happened and what we change?\\\\n\\\\nBest regards\\\",\\\"citedInteractionIds\\\":[],"
            + "\\\"rationale\\\":\\\"Acknowledges the outages and proposes a call\\\"}";
    static final byte[] BODY = ("{\"id\":\"chatcmpl-actions-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
            + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + CONTENT
            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":700,\"completion_tokens\":90,\"total_tokens\":790}}")
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delayMs = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/chat/completions", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        System.err.println("[actions-llm] listening on 127.0.0.1:" + port + ", answering after " + delayMs + " ms");
    }
}
