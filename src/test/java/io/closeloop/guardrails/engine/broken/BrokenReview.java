package io.closeloop.guardrails.engine.broken;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** A rule unit whose DRL (BrokenReview.drl, test resources) does not compile. */
public class BrokenReview implements RuleUnitData {

    private final DataStore<String> words = DataSource.createStore();

    public DataStore<String> getWords() {
        return words;
    }
}
