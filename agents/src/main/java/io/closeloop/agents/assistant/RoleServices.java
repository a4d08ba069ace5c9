package io.closeloop.agents.assistant;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import io.closeloop.agents.grounding.HistorySearch;
import io.closeloop.agents.llm.LlmConfig;
import io.closeloop.agents.llm.LlmRole;
import io.closeloop.agents.llm.RoleChatModel;
import io.closeloop.agents.llm.RoleModel;
import io.closeloop.agents.tools.AccountTools;
import io.closeloop.agents.tools.InteractionTools;
import io.closeloop.agents.tools.PriceBookTools;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AI service of each role, built once (the first time the role is asked) instead of once per
 * answer: building one makes LangChain4j set up its guardrail service on the first call, which
 * scans the class path with {@code ServiceLoader} (about a sixth of the bytes an answer allocated,
 * and CPU on every answer). The per-answer parts, the recording chat model and the rep's tool
 * scope, come from the answer bound to the calling thread ({@link AnswerBinding}): the service's
 * chat model hands each request to the bound answer's model, and each tool object asks the bound
 * answer for its scope on every call, so the tools enforce the requesting rep's permissions as
 * before. The offered tools per role do not change: {@code readAccount}, {@code listDeals},
 * {@code listContacts}, {@code searchInteractions}; {@code priceBook} for objection handling only.
 */
final class RoleServices {

    /** One role's service, its tool objects and the names of the tools it offers. */
    record Service(Object proxy, List<String> toolNames) {
    }

    private final HistorySearch history;
    private final LlmConfig config;
    private final Map<LlmRole, Service> services = new ConcurrentHashMap<>();

    RoleServices(HistorySearch history, LlmConfig config) {
        this.history = history;
        this.config = config;
    }

    /** The role's service over {@code model} (a role's model is fixed at start-up). */
    Service of(LlmRole role, RoleModel model) {
        return services.computeIfAbsent(role, r -> build(r, model));
    }

    private Service build(LlmRole role, RoleModel model) {
        List<Object> tools = tools(role);
        Object proxy = AiServices.builder(type(role)).chatModel(new BoundChatModel(model)).tools(tools)
                .maxSequentialToolsInvocations(config.maxToolRounds()).build();
        return new Service(proxy, toolNames(tools));
    }

    private static Class<?> type(LlmRole role) {
        return switch (role) {
            case DRAFT_EMAIL -> EmailWriter.class;
            case SUMMARIZE_ACCOUNT -> AccountSummarizer.class;
            case NEXT_BEST_ACTION -> NextBestActionAdvisor.class;
            case MEETING_PREP -> MeetingPreparer.class;
            case OBJECTION_HANDLING -> ObjectionCoach.class;
        };
    }

    /** The tools a role is offered; only objection handling may read the price book. */
    private List<Object> tools(LlmRole role) {
        List<Object> tools = new ArrayList<>(List.of(new AccountTools(() -> AnswerBinding.current().tools()),
                new InteractionTools(() -> AnswerBinding.current().tools(), history)));
        if (role == LlmRole.OBJECTION_HANDLING) {
            tools.add(new PriceBookTools(() -> AnswerBinding.current().tools()));
        }
        return List.copyOf(tools);
    }

    static List<String> toolNames(List<Object> tools) {
        return tools.stream().flatMap(t -> Arrays.stream(t.getClass().getMethods()))
                .filter(m -> m.isAnnotationPresent(Tool.class)).map(java.lang.reflect.Method::getName).sorted().toList();
    }

    /** The role's chat model as the AI service sees it: each request goes to the bound answer's recording model. */
    private static final class BoundChatModel extends RoleChatModel {

        BoundChatModel(RoleModel model) {
            super(model);
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return AnswerBinding.current().chat().doChat(request);
        }
    }
}
