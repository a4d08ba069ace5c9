package io.closeloop.agents.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.Set;

/**
 * A chat model that stands in for a role's configured client: default parameters, capabilities
 * and provider are the client's; subclasses decide what a request does ({@link RecordingChatModel}
 * records and charges it, the AI services' bound model hands it to the calling answer's).
 */
public abstract class RoleChatModel implements ChatModel {

    protected final RoleModel model;

    protected RoleChatModel(RoleModel model) {
        this.model = model;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.client().defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.client().supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return model.client().provider();
    }
}
