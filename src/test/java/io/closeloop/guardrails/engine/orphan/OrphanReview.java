package io.closeloop.guardrails.engine.orphan;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** A rule unit without any DRL next to it. */
public class OrphanReview implements RuleUnitData {

    private final DataStore<String> words = DataSource.createStore();

    public DataStore<String> getWords() {
        return words;
    }
}
