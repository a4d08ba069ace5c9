package io.closeloop.agents.small;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.TaskProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns "remind me to send the SOC 2 report to Acme next Friday" into a proposed task for the
 * rep: the subject (the message without the request words), the due date, and the matched
 * account, deal and contact.
 */
@ApplicationScoped
public class TaskAgent implements Agent {

    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?i)(please\\s+)?(remind me to|remind me|create a task to|create a task|add a task to|add a task|set a reminder to|task:|todo:|to-do:)\\s*");
    private static final int DEFAULT_DUE_DAYS = 1;

    private final RecordMatcher matcher;

    public TaskAgent(RecordMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "create-task";
    }

    @Override
    public Set<String> intents() {
        return Set.of("create_task");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        CrmContext ctx = matcher.match(request);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var due = DateExtractor.find(request.message(), today);
        String subject = LEAD_IN.matcher(request.message()).replaceFirst("").strip();
        subject = subject.isEmpty() ? request.message() : Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        TaskProposal task = new TaskProposal(request.rep().id, subject, due.orElse(today.plusDays(DEFAULT_DUE_DAYS)), ctx.accountId(), ctx.dealId(),
                ctx.contactId(), List.of(), due.isPresent() ? "Due date taken from the request." : "No date given; due tomorrow by default.");
        return AgentAnswer.small(name(), "Proposed task: " + subject + ", due " + task.dueDate()
                + (ctx.account() == null ? "" : ", on " + ctx.account().name) + ".", List.of(), List.of(task));
    }
}
