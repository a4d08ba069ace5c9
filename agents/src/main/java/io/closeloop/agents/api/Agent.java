package io.closeloop.agents.api;

import java.util.Set;

/**
 * One agent: answers the intents it names. Implementations are {@code @ApplicationScoped} beans;
 * {@code AgentDispatcher} picks one by intent.
 */
public interface Agent {

    /** The agent's name as it appears in answers and the audit log. */
    String name();

    /** Intent ids (router taxonomy) this agent answers. */
    Set<String> intents();

    AgentAnswer answer(AgentRequest request);
}
