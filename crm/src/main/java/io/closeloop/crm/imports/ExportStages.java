package io.closeloop.crm.imports;

import io.closeloop.crm.deal.DealStage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deal stages as HubSpot (internal ids of the default pipeline and their labels) and Salesforce
 * (the standard opportunity stages) export them, mapped onto Closeloop's pipeline. Compared by
 * {@link ImportColumns#key(String)}: "Proposal/Price Quote", "closedwon" and "CLOSED_WON" all work.
 */
public final class ExportStages {

    private static final Map<String, DealStage> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, DealStage> BY_KEY = new LinkedHashMap<>();

    static {
        for (DealStage stage : DealStage.values()) {
            put(stage.name(), stage);
        }
        // HubSpot default pipeline: internal ids and labels.
        put("appointmentscheduled", DealStage.PROSPECTING);
        put("Appointment Scheduled", DealStage.PROSPECTING);
        put("qualifiedtobuy", DealStage.QUALIFICATION);
        put("Qualified To Buy", DealStage.QUALIFICATION);
        put("presentationscheduled", DealStage.NEEDS_ANALYSIS);
        put("Presentation Scheduled", DealStage.NEEDS_ANALYSIS);
        put("decisionmakerboughtin", DealStage.PROPOSAL);
        put("Decision Maker Bought-In", DealStage.PROPOSAL);
        put("contractsent", DealStage.NEGOTIATION);
        put("Contract Sent", DealStage.NEGOTIATION);
        put("closedwon", DealStage.CLOSED_WON);
        put("closedlost", DealStage.CLOSED_LOST);
        // Salesforce standard opportunity stages.
        put("Needs Analysis", DealStage.NEEDS_ANALYSIS);
        put("Value Proposition", DealStage.NEEDS_ANALYSIS);
        put("Id. Decision Makers", DealStage.NEEDS_ANALYSIS);
        put("Perception Analysis", DealStage.PROPOSAL);
        put("Proposal/Price Quote", DealStage.PROPOSAL);
        put("Negotiation/Review", DealStage.NEGOTIATION);
    }

    private ExportStages() {
    }

    public static Optional<DealStage> stage(String raw) {
        return Optional.ofNullable(BY_KEY.get(ImportColumns.key(raw)));
    }

    /** Every accepted stage name with the stage it maps to, in documentation order. */
    public static Map<String, DealStage> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    private static void put(String name, DealStage stage) {
        BY_NAME.put(name, stage);
        BY_KEY.put(ImportColumns.key(name), stage);
    }
}
