import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat server that answers at once with a canned e-mail draft, for the agents
 * benchmark. It records how long it held each request (read body, write answer) and writes the
 * times, in microseconds, to the file given as second argument when it is stopped.
 * Usage: java bench/ScriptedLlm.java PORT TIMES_FILE
 */
public class ScriptedLlm {

    static final String CONTENT = "{\\\"subject\\\":\\\"Pricing for 40 seats\\\",\\\"body\\\":\\\"Hi [PERSON_1_FIRST],\\\\n\\\\nas promised, the"
            + " pricing for 40 seats. I can call you on [PHONE_1].\\\\n\\\\nBest regards\\\",\\\"citedInteractionIds\\\":[],"
            + "\\\"rationale\\\":\\\"Answers the pricing question\\\"}";
    static final byte[] BODY = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"bench-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + CONTENT + "\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":120,\"total_tokens\":1020}}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        // The JDK server leaves Nagle's algorithm on by default and writes the response headers and the
        // body in two segments: the body then waits for the client's delayed ACK of the headers, ~40 ms on
        // Linux loopback per request on a kept-alive connection. Real providers (uvicorn/vLLM, Ollama's
        // Go server, OpenAI's front ends) set TCP_NODELAY; so must this stand-in, or it measures itself.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        Path times = Path.of(args[1]);
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", exchange -> {
            long start = System.nanoTime();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
            micros.add((System.nanoTime() - start) / 1_000);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            List<String> lines = new ArrayList<>();
            synchronized (micros) {
                micros.forEach(m -> lines.add(Long.toString(m)));
            }
            try {
                Files.write(times, lines);
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));
        server.start();
        System.err.println("[scripted-llm] listening on 127.0.0.1:" + port);
    }
}
