package io.closeloop.agents.assistant;

import java.util.List;

/** A brief for an upcoming meeting. */
public record MeetingBrief(String brief, List<String> agenda, List<String> questions, List<Long> citedInteractionIds) {
}
