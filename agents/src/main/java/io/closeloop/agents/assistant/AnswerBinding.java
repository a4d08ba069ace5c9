package io.closeloop.agents.assistant;

import dev.langchain4j.model.chat.ChatModel;
import io.closeloop.agents.tools.ToolScope;
import java.util.function.Supplier;

/**
 * What differs per answer in an AI service call: the recording chat model (the rep's budget, the
 * {@code llm_call} rows, this answer's redaction counts) and the tool scope (the rep's permissions,
 * this answer's redactor). The AI services are built once per role ({@link RoleServices}); each
 * answer binds its own values to the calling thread for exactly the duration of its call
 * ({@link #call}). LangChain4j runs a synchronous AI service call, its tool calls included, on the
 * calling thread, and {@link io.closeloop.agents.llm.LlmInvoker}'s timeout and retries keep it there.
 * Nothing is bound outside a call: a tool or model used without an answer fails closed
 * ({@link #current()} throws), it never acts for another rep.
 */
final class AnswerBinding {

    private static final ThreadLocal<AnswerBinding> CURRENT = new ThreadLocal<>();

    private final ChatModel chat;
    private final ToolScope tools;

    AnswerBinding(ChatModel chat, ToolScope tools) {
        this.chat = chat;
        this.tools = tools;
    }

    ChatModel chat() {
        return chat;
    }

    ToolScope tools() {
        return tools;
    }

    /** Runs {@code call} with this answer bound to the thread, and unbinds it whatever happens. */
    <T> T call(Supplier<T> call) {
        AnswerBinding outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The answer whose call runs on this thread. */
    static AnswerBinding current() {
        AnswerBinding bound = CURRENT.get();
        if (bound == null) {
            throw new IllegalStateException("an AI service or tool was used outside an answer's call");
        }
        return bound;
    }
}
