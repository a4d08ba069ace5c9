package io.closeloop.agents.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Something an agent suggests the rep do. Agents only propose; the action loop queues, checks
 * and executes. Every proposal names the interactions it rests on and why it is proposed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EmailDraft.class, name = "EMAIL_DRAFT"),
        @JsonSubTypes.Type(value = FieldUpdate.class, name = "FIELD_UPDATE"),
        @JsonSubTypes.Type(value = TaskProposal.class, name = "TASK"),
        @JsonSubTypes.Type(value = NoteProposal.class, name = "NOTE") })
public sealed interface ProposedAction permits EmailDraft, FieldUpdate, TaskProposal, NoteProposal {

    /** Ids of the interactions that support the proposal (may be empty when it rests on CRM fields only). */
    List<Long> evidenceIds();

    /** Why the agent proposes it, in one sentence a rep can judge. */
    String rationale();
}
