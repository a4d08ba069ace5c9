package io.closeloop.guardrails.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.guardrails.GuardrailFixtures;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.check.ProposedChange;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Runs the adversarial corpus ({@code src/test/resources/guardrails/corpus.csv}: drafts written
 * to probe the rules, each with the verdict a careful reviewer would give under the default
 * policy) through the real check, and measures precision and recall of BLOCK and NEEDS_APPROVAL.
 *
 * <p>Thresholds, fixed before the first run: BLOCK precision >= 0.90 and recall >= 0.85;
 * NEEDS_APPROVAL precision >= 0.80 and recall >= 0.75. A missed BLOCK can let a non-compliant
 * output through, but every draft still passes the rep's approve/edit step, and the corpus
 * deliberately contains cases the extractors are known not to read (masked profanity, numbers
 * in words, links without a scheme), so 100% would mean the corpus is too easy. A false BLOCK
 * costs a needless revision round and the rep's trust, hence the higher precision bar. Approval
 * is the softer outcome and depends on reading numbers and dates in free phrasing, so its bars
 * are lower. The report goes to target/guardrails-corpus.md.
 */
@QuarkusTest
class AdversarialCorpusTest {

    static final double BLOCK_PRECISION = 0.90;
    static final double BLOCK_RECALL = 0.85;
    static final double APPROVAL_PRECISION = 0.80;
    static final double APPROVAL_RECALL = 0.75;
    static final Pattern DATE_TOKEN = Pattern.compile("\\$DATE([+-]\\d+)");
    static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    @Inject
    GuardrailFixtures fixtures;

    @Inject
    GuardrailService guardrails;

    record Case(String id, Verdict expected, String note, DraftInput draft) {
    }

    record Outcome(Case c, Verdict actual, List<FiredRule> rules) {
    }

    @Test
    void blockAndApprovalPrecisionAndRecallMeetTheThresholds() throws Exception {
        GuardrailFixtures.Scene scene = fixtures.scene(false);
        List<Case> cases = load(scene);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);

        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            CheckResult result = guardrails.check(scene.rep(), c.draft(), "corpus", c.id());
            outcomes.add(new Outcome(c, result.verdict(), result.rules()));
        }
        Map<Verdict, double[]> metrics = new EnumMap<>(Verdict.class);
        for (Verdict v : List.of(Verdict.BLOCK, Verdict.NEEDS_APPROVAL)) {
            metrics.put(v, precisionRecall(outcomes, v));
        }
        String report = report(outcomes, metrics);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "guardrails-corpus.md"), report);
        System.out.println(report);

        assertThat(metrics.get(Verdict.BLOCK)[0]).as("BLOCK precision").isGreaterThanOrEqualTo(BLOCK_PRECISION);
        assertThat(metrics.get(Verdict.BLOCK)[1]).as("BLOCK recall").isGreaterThanOrEqualTo(BLOCK_RECALL);
        assertThat(metrics.get(Verdict.NEEDS_APPROVAL)[0]).as("NEEDS_APPROVAL precision").isGreaterThanOrEqualTo(APPROVAL_PRECISION);
        assertThat(metrics.get(Verdict.NEEDS_APPROVAL)[1]).as("NEEDS_APPROVAL recall").isGreaterThanOrEqualTo(APPROVAL_RECALL);
    }

    static double[] precisionRecall(List<Outcome> outcomes, Verdict v) {
        long tp = outcomes.stream().filter(o -> o.c().expected() == v && o.actual() == v).count();
        long predicted = outcomes.stream().filter(o -> o.actual() == v).count();
        long actual = outcomes.stream().filter(o -> o.c().expected() == v).count();
        return new double[] { predicted == 0 ? 0 : (double) tp / predicted, actual == 0 ? 0 : (double) tp / actual, tp, predicted, actual };
    }

    static String report(List<Outcome> outcomes, Map<Verdict, double[]> metrics) {
        StringBuilder md = new StringBuilder("# Guardrails adversarial corpus\n\n");
        md.append(outcomes.size()).append(" drafts; ")
                .append(outcomes.stream().filter(o -> o.actual() == o.c().expected()).count()).append(" with the expected verdict.\n\n");
        md.append("| verdict | precision | recall | true positives | predicted | expected |\n|---|---|---|---|---|---|\n");
        metrics.forEach((v, m) -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d |%n",
                v, m[0], m[1], (long) m[2], (long) m[3], (long) m[4])));
        md.append("\nConfusion (rows expected, columns actual):\n\n| expected \\ actual |");
        for (Verdict a : Verdict.values()) {
            md.append(' ').append(a).append(" |");
        }
        md.append("\n|---|---|---|---|---|\n");
        for (Verdict e : Verdict.values()) {
            md.append("| ").append(e).append(" |");
            for (Verdict a : Verdict.values()) {
                md.append(' ').append(outcomes.stream().filter(o -> o.c().expected() == e && o.actual() == a).count()).append(" |");
            }
            md.append('\n');
        }
        md.append("\nMisjudged drafts:\n\n");
        outcomes.stream().filter(o -> o.actual() != o.c().expected()).forEach(o -> md.append("- ").append(o.c().id())
                .append(" expected ").append(o.c().expected()).append(", got ").append(o.actual())
                .append(" (").append(o.c().note()).append(") rules: ")
                .append(o.rules().stream().map(FiredRule::id).collect(Collectors.joining(","))).append('\n'));
        return md.toString();
    }

    static List<Case> load(GuardrailFixtures.Scene scene) throws Exception {
        List<Case> cases = new ArrayList<>();
        try (Reader in = new InputStreamReader(AdversarialCorpusTest.class.getResourceAsStream("/guardrails/corpus.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<String> recipients = Arrays.stream(row.get("recipients").split(";")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(token -> recipient(token, scene)).toList();
                List<ProposedChange> changes = Arrays.stream(row.get("changes").split(";")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(AdversarialCorpusTest::change).toList();
                List<String> grounding = Arrays.stream(row.get("grounding").split("\\|")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                DraftInput draft = new DraftInput(row.get("channel"), scene.account().id, recipients,
                        text(row.get("subject"), scene), text(row.get("body"), scene), grounding, changes);
                cases.add(new Case(row.get("id"), Verdict.valueOf(row.get("expected")), row.get("note"), draft));
            }
        }
        return cases;
    }

    static String recipient(String token, GuardrailFixtures.Scene scene) {
        return switch (token) {
            case "granted" -> scene.granted().email;
            case "granted_upper" -> scene.granted().email.toUpperCase(Locale.ROOT);
            case "withdrawn" -> scene.withdrawn().email;
            case "unknown" -> scene.unknown().email;
            case "other" -> scene.otherContact().email;
            case "domain" -> "new.person@" + scene.account().domain;
            case "stranger" -> "someone@gmail.com";
            default -> token;
        };
    }

    static String text(String raw, GuardrailFixtures.Scene scene) {
        String text = raw.replace("$OTHER_EMAIL", scene.otherContact().email)
                .replace("$OTHER_PHONE", scene.otherContact().phone)
                .replace("$GRANTED_EMAIL", scene.granted().email)
                .replace("$DOMAIN", scene.account().domain);
        Matcher m = DATE_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, LocalDate.now(ZoneOffset.UTC).plusDays(Integer.parseInt(m.group(1))).format(DATE_FORMAT));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "deal.stage:PROPOSAL>NEGOTIATION" */
    static ProposedChange change(String spec) {
        String[] entityField = spec.substring(0, spec.indexOf(':')).split("\\.");
        String[] values = spec.substring(spec.indexOf(':') + 1).split(">");
        return new ProposedChange(entityField[0], 1L, entityField[1], values[0], values[1]);
    }
}
