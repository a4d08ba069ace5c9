package io.closeloop.agents;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.kernel.problem.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The agents' front: the router hands over a request with its intent, the matching agent answers. */
@ApplicationScoped
public class AgentDispatcher {

    private final Map<String, Agent> byIntent = new HashMap<>();

    public AgentDispatcher(Instance<Agent> agents) {
        for (Agent agent : agents) {
            for (String intent : agent.intents()) {
                Agent previous = byIntent.put(intent, agent);
                if (previous != null) {
                    throw new IllegalStateException("intent " + intent + " is claimed by " + previous.name() + " and " + agent.name());
                }
            }
        }
    }

    /** The intents some agent answers. */
    public Set<String> intents() {
        return new TreeSet<>(byIntent.keySet());
    }

    @WithSpan("closeloop.agents.answer")
    public AgentAnswer answer(AgentRequest request) {
        Agent agent = byIntent.get(request.intent());
        if (agent == null) {
            throw ProblemException.invalidField("intent", "no agent answers '" + request.intent() + "'; known: " + intents());
        }
        if (request.message().isEmpty()) {
            throw ProblemException.invalidField("message", "must not be empty");
        }
        Span.current().setAttribute("closeloop.agent", agent.name());
        Span.current().setAttribute("closeloop.intent", request.intent());
        AgentAnswer answer = agent.answer(request);
        Span.current().setAttribute("closeloop.agent.mode", answer.mode().name());
        return answer;
    }
}
