package io.closeloop.guardrails.catalogue;

import io.closeloop.guardrails.review.DraftReview;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The rule catalogue: every rule of the guardrail DRL with its id, severity, message and remedy,
 * read from the rules' own metadata so the DRL stays the single place a rule is defined.
 * {@link #load(Class, String)} refuses a DRL whose rules lack metadata or reuse an id.
 */
public final class RuleCatalogue {

    /** The DRL of the draft review unit, next to {@link DraftReview}. */
    public static final String DRAFT_REVIEW_DRL = "io/closeloop/guardrails/review/DraftReview.drl";

    private final Map<String, GuardrailRule> byName;

    private RuleCatalogue(Map<String, GuardrailRule> byName) {
        this.byName = byName;
    }

    public static RuleCatalogue draftReview() {
        return load(DraftReview.class, DRAFT_REVIEW_DRL);
    }

    public static RuleCatalogue load(Class<?> unit, String drlResource) {
        PackageDescr drl = parse(unit, drlResource);
        Map<String, GuardrailRule> rules = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (RuleDescr rule : drl.getRules()) {
            if (rule.isQuery()) {
                continue;
            }
            String id = value(rule, "id");
            String severity = value(rule, "severity");
            String message = value(rule, "message");
            String remedy = value(rule, "remedy");
            if (id == null || severity == null || message == null || remedy == null) {
                problems.add("rule \"" + rule.getName() + "\" lacks @id, @severity, @message or @remedy");
                continue;
            }
            Optional<Severity> parsed = severity(severity);
            if (parsed.isEmpty()) {
                problems.add("rule \"" + rule.getName() + "\" has unknown @severity " + severity);
                continue;
            }
            if (!ids.add(id)) {
                problems.add("rule id " + id + " is used twice");
            }
            rules.put(rule.getName(), new GuardrailRule(id, rule.getName(), parsed.get(), message, remedy, unit.getSimpleName()));
        }
        if (rules.isEmpty()) {
            problems.add("no rules found");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(drlResource, String.join("; ", problems));
        }
        return new RuleCatalogue(rules);
    }

    public Collection<GuardrailRule> rules() {
        return byName.values();
    }

    /** The catalogue entry of a fired rule, by the rule's name. */
    public GuardrailRule byName(String name) {
        GuardrailRule rule = byName.get(name);
        if (rule == null) {
            throw new IllegalStateException("Rule \"" + name + "\" fired but is not in the catalogue");
        }
        return rule;
    }

    public Optional<GuardrailRule> byId(String id) {
        return byName.values().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static PackageDescr parse(Class<?> unit, String drlResource) {
        try (InputStream in = unit.getClassLoader().getResourceAsStream(drlResource)) {
            if (in == null) {
                throw new InvalidRulesException(drlResource, "not found on the classpath");
            }
            DrlParser parser = new DrlParser();
            PackageDescr drl = parser.parse(false, new InputStreamReader(in, StandardCharsets.UTF_8));
            if (parser.hasErrors()) {
                throw new InvalidRulesException(drlResource, parser.getErrors().toString());
            }
            return drl;
        } catch (IOException | DroolsParserException e) {
            throw new InvalidRulesException(drlResource, e.getMessage(), e);
        }
    }

    private static String value(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValue() == null) {
            return null;
        }
        String value = AnnotationDescr.unquote(annotation.getSingleValueAsString()).strip();
        return value.isEmpty() ? null : value;
    }

    private static Optional<Severity> severity(String value) {
        try {
            return Optional.of(Severity.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
