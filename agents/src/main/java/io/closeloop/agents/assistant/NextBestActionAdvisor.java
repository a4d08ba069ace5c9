package io.closeloop.agents.assistant;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** Recommends the next steps on an account or deal. */
public interface NextBestActionAdvisor {

    @SystemMessage(Prompts.RULES + """
            Task: recommend at most three next steps for the rep, most important first. Each step is
            something the rep does (call, e-mail, meeting, internal task), due within 0 to 30 days.
            """)
    @UserMessage(Prompts.ACCOUNT_CONTEXT)
    NextSteps advise(@V("request") String request, @V("account") String account, @V("contacts") String contacts,
            @V("deals") String deals, @V("history") String history);
}
