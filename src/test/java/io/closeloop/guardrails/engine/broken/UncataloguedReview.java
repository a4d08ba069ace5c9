package io.closeloop.guardrails.engine.broken;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** A rule unit whose DRL compiles but whose rules lack catalogue metadata or reuse an id. */
public class UncataloguedReview implements RuleUnitData {

    private final DataStore<String> words = DataSource.createStore();

    public DataStore<String> getWords() {
        return words;
    }
}
