package io.closeloop.agents.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.closeloop.agents.grounding.HistorySearch;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Searches the interactions the rep may see, for an LLM agent; results are delimited as data. */
public final class InteractionTools {

    private static final int K = 5;

    private final Supplier<ToolScope> scope;
    private final HistorySearch history;

    public InteractionTools(Supplier<ToolScope> scope, HistorySearch history) {
        this.scope = scope;
        this.history = history;
    }

    @Tool("Searches the account's e-mails, calls, meetings and notes for a topic; returns the best matches as data.")
    public String searchInteractions(@P("what to look for") String query, @P("the account id") long accountId) {
        ToolScope answer = scope.get();
        return answer.read(() -> history.search(answer.rep(), query, accountId, K).stream()
                .map(InteractionFormat::block)
                .collect(Collectors.joining("\n")));
    }
}
