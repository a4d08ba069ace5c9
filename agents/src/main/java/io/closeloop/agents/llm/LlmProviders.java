package io.closeloop.agents.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one OpenAI-compatible chat model per role from {@link LlmConfig}, once. The client
 * makes no retries of its own: retries, back-off, timeout and circuit breaker are the job of
 * {@link LlmInvoker}, so they are the same whichever provider is configured.
 */
@ApplicationScoped
public class LlmProviders {

    private final Map<LlmRole, RoleModel> models = new EnumMap<>(LlmRole.class);

    public LlmProviders(LlmConfig config) {
        for (LlmRole role : LlmRole.values()) {
            LlmConfig.RoleOverride o = config.roles().get(role.key());
            Optional<String> baseUrl = o != null && o.baseUrl().isPresent() ? o.baseUrl() : config.baseUrl();
            if (baseUrl.isEmpty() || baseUrl.get().isBlank()) {
                continue;
            }
            String apiKey = (o != null && o.apiKey().isPresent() ? o.apiKey() : config.apiKey()).orElse("no-key");
            String model = o != null && o.model().isPresent() ? o.model().get() : config.model();
            OpenAiChatModel client = OpenAiChatModel.builder()
                    .baseUrl(baseUrl.get())
                    .apiKey(apiKey)
                    .modelName(model)
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            models.put(role, new RoleModel(role, client, model, host(baseUrl.get()),
                    o != null && o.inputPricePerMillion().isPresent() ? o.inputPricePerMillion().get() : config.inputPricePerMillion(),
                    o != null && o.outputPricePerMillion().isPresent() ? o.outputPricePerMillion().get() : config.outputPricePerMillion()));
        }
    }

    /** The role's model, or empty when no provider is configured for it (offline). */
    public Optional<RoleModel> model(LlmRole role) {
        return Optional.ofNullable(models.get(role));
    }

    public boolean anyConfigured() {
        return !models.isEmpty();
    }

    private static String host(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            return uri.getHost() == null ? baseUrl : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }
}
