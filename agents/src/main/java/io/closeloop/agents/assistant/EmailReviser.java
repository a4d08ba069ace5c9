package io.closeloop.agents.assistant;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** Rewrites an e-mail draft that broke the company's rules, given the rules it broke (one round). */
public interface EmailReviser {

    @SystemMessage(Prompts.RULES + """
            Task: the e-mail draft below was blocked by the company's rules. Write a corrected version of the
            same e-mail to the same recipient that fixes every violation listed, keeps what was right, and
            adds no new products, prices, discounts, dates, links or recipients.
            """)
    @UserMessage("""
            The rep asked: {request}

            Blocked draft subject: {subject}
            Blocked draft body:
            {body}

            Violations (rule id: what is wrong | what was found | how to fix it):
            {violations}
            """)
    EmailText revise(@V("request") String request, @V("subject") String subject, @V("body") String body,
            @V("violations") String violations);
}
