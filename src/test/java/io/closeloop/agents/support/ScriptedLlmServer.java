package io.closeloop.agents.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.assistant.ObjectionResponse;
import io.closeloop.crm.rep.Rep;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * A scripted OpenAI-compatible server (WireMock) for the LLM agents' tests, and the helpers to
 * script its answers and read the exact requests the service sent.
 */
public class ScriptedLlmServer implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("closeloop.agents.llm.base-url", "http://localhost:" + server.port() + "/v1",
                "closeloop.agents.llm.api-key", "test-key",
                "closeloop.agents.llm.model", "scripted-model",
                "closeloop.agents.llm.input-price-per-million", "2.00",
                "closeloop.agents.llm.output-price-per-million", "8.00",
                "closeloop.agents.llm.timeout", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The bodies of the chat requests received, in order, as JSON. */
    public static List<JsonNode> requests() {
        return server.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(PATH))).stream()
                .map(LoggedRequest::getBodyAsString).map(ScriptedLlmServer::parse).toList();
    }

    /**
     * The first call in a JVM builds the REST client, slower than the test profile's 1 s attempt
     * timeout: one answered call keeps the tests about steady-state behaviour. Resets the server.
     */
    public static void warmUp(AgentDispatcher agents, Rep rep) {
        server.stubFor(WireMock.post(WireMock.urlEqualTo(PATH)).willReturn(WireMock.okJson(completion(json(new ObjectionResponse("warm",
                List.of(), List.of()))))));
        agents.answer(new AgentRequest(rep, "warm up", null, null, null, "objection_handling"));
        server.resetAll();
    }

    /** Answers the first request with {@code first} and every later one with {@code then}: an output and its revision. */
    public static void script(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.stubFor(WireMock.post(WireMock.urlEqualTo(PATH)).inScenario("revision").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("revising"));
        server.stubFor(WireMock.post(WireMock.urlEqualTo(PATH)).inScenario("revision").whenScenarioStateIs("revising").willReturn(then));
    }

    /** An OpenAI chat completion whose assistant message is {@code content}. */
    public static String completion(String content) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return envelope(message, "stop");
    }

    /** A completion that asks for one tool call. */
    public static String toolCall(String id, String name, String argumentsJson) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        calls.addObject().put("id", id).put("type", "function").putObject("function").put("name", name).put("arguments", argumentsJson);
        return envelope(message, "tool_calls");
    }

    /** Serialises a typed answer the way a model writes it. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envelope(ObjectNode message, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000)
                .put("model", "scripted-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 40).put("total_tokens", 160);
        return root.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
