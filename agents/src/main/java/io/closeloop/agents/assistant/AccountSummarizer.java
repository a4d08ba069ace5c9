package io.closeloop.agents.assistant;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** Summarises an account from its deals and interactions. */
public interface AccountSummarizer {

    @SystemMessage(Prompts.RULES + """
            Task: summarise the account for the rep in at most 150 words, then list its open issues.
            """)
    @UserMessage(Prompts.ACCOUNT_CONTEXT)
    AccountSummary summarize(@V("request") String request, @V("account") String account, @V("contacts") String contacts,
            @V("deals") String deals, @V("history") String history);
}
