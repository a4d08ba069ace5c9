package io.closeloop.agents.assistant;

import java.util.List;

/** How to answer a customer's objection or a competitor question. */
public record ObjectionResponse(String response, List<String> talkingPoints, List<Long> citedInteractionIds) {
}
