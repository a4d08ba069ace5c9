package io.closeloop.agents.assistant;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** Prepares the rep for a meeting: brief, agenda, questions to ask. */
public interface MeetingPreparer {

    @SystemMessage(Prompts.RULES + """
            Task: prepare the rep for the meeting: a short brief of where things stand, an agenda of
            three to five points and the questions the rep should ask.
            """)
    @UserMessage(Prompts.ACCOUNT_CONTEXT)
    MeetingBrief prepare(@V("request") String request, @V("account") String account, @V("contacts") String contacts,
            @V("deals") String deals, @V("history") String history);
}
