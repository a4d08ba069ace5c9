package io.closeloop.agents.small;

import io.closeloop.agents.api.Agent;
import io.closeloop.agents.api.AgentAnswer;
import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.api.NoteProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns "Had a call with Dana at Acme yesterday about the renewal" into a proposed activity: the
 * channel (call, meeting, e-mail or note), when, who (a contact of the matched account) and what
 * was said (the message itself), matched to CRM records. The rep approves it in the action loop.
 */
@ApplicationScoped
public class ActivityAgent implements Agent {

    private static final Pattern CALL = Pattern.compile("\\b(call|called|phoned|rang|spoke|phone)\\b");
    private static final Pattern MEETING = Pattern.compile("\\b(meeting|met|meet|demo|lunch|visit|visited|workshop)\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b(e-?mail|emailed|e-mailed|wrote)\\b");

    private final RecordMatcher matcher;

    public ActivityAgent(RecordMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "log-activity";
    }

    @Override
    public Set<String> intents() {
        return Set.of("log_activity");
    }

    @Override
    @Transactional
    public AgentAnswer answer(AgentRequest request) {
        CrmContext ctx = matcher.match(request);
        if (ctx.account() == null) {
            return AgentAnswer.small(name(), "Which account was this with? I could not match one you can see; name it as written in"
                    + " the CRM.", List.of(), List.of());
        }
        String text = request.message().toLowerCase(Locale.ROOT);
        String channel = CALL.matcher(text).find() ? "CALL" : MEETING.matcher(text).find() ? "MEETING" : EMAIL.matcher(text).find() ? "EMAIL" : "NOTE";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate when = DateExtractor.find(request.message(), today).filter(d -> !d.isAfter(today)).orElse(today);
        NoteProposal note = new NoteProposal(channel, when.atStartOfDay(ZoneOffset.UTC).toInstant(), ctx.accountId(), ctx.contactId(), ctx.dealId(),
                request.message(), List.of(), "Logged from the rep's own words" + (ctx.contact() == null ? "; no contact named" : "") + ".");
        String who = ctx.contact() == null ? "" : " with " + ctx.contact().fullName();
        return AgentAnswer.small(name(), "Proposed: log a " + channel.toLowerCase(Locale.ROOT) + who + " at " + ctx.account().name + " on " + when
                + (ctx.deal() == null ? "" : " against deal " + ctx.deal().name) + ".", List.of(), List.of(note));
    }
}
