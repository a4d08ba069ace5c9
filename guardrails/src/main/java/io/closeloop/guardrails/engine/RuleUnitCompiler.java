package io.closeloop.guardrails.engine;

import io.closeloop.guardrails.catalogue.InvalidRulesException;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.RuleUnitProvider;

/**
 * Compiles a rule unit from the DRL next to its data class (executable model, at start-up) and
 * turns every failure into an {@link InvalidRulesException}, so a bad rule stops the service
 * instead of surfacing on the first request.
 */
public final class RuleUnitCompiler {

    private RuleUnitCompiler() {
    }

    /**
     * Compiles (or recompiles) the unit of {@code emptyUnit}'s class. A unit compiled earlier in
     * this JVM is dropped first: Quarkus dev and test mode restart the application with a new
     * class loader while Drools' provider is a JVM-wide singleton.
     */
    public static <T extends RuleUnitData> RuleUnit<T> compile(T emptyUnit) {
        RuleUnitProvider provider = RuleUnitProvider.get();
        String name = emptyUnit.getClass().getName();
        provider.invalidateRuleUnits(emptyUnit.getClass());
        RuleUnit<T> unit;
        try {
            unit = provider.getRuleUnit(emptyUnit);
        } catch (RuntimeException e) {
            throw new InvalidRulesException(name, e.getMessage(), e);
        }
        if (unit == null) {
            throw new InvalidRulesException(name, "no DRL declaring 'unit " + emptyUnit.getClass().getSimpleName()
                    + "' was found in package " + emptyUnit.getClass().getPackageName());
        }
        return unit;
    }
}
