package io.closeloop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.closeloop.crm.archfixture.ForbiddenUpwardImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer order of DESIGN.md, enforced: a layer may depend only on the layers below it.
 * {@code kernel} is the shared base (problem types, outbox); {@code app} is the shell on top.
 */
class LayerRulesTest {

    /** Lowest first. */
    static final List<String> LAYERS = List.of("kernel", "crm", "vectorstore", "guardrails", "agents", "actions",
            "router", "ui", "app");

    /** Architecture folder of each layer that has one (kernel and app live in src/main). */
    static final List<String[]> FOLDERS = List.of(
            new String[] { "crm", "crm" }, new String[] { "vector-store", "vectorstore" },
            new String[] { "guardrails", "guardrails" }, new String[] { "agents", "agents" },
            new String[] { "actions", "actions" }, new String[] { "router", "router" }, new String[] { "ui", "ui" });

    static ArchRule layerRule() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(layer -> "io.closeloop." + layer + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage("io.closeloop." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .as("layer " + LAYERS.get(i) + " must not depend on " + Arrays.toString(above))
                    .allowEmptyShould(true)); // layers without code yet are still guarded
        }
        return CompositeArchRule.of(rules);
    }

    @Test
    void productionCodeImportsOnlyFromLayersBelow() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.closeloop");
        assertThat(production.size()).as("production classes found").isGreaterThan(20);
        layerRule().check(production);
    }

    @Test
    void ruleFailsOnAForbiddenUpwardImport() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(ForbiddenUpwardImport.class);
        var result = layerRule().evaluate(withViolation);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("ForbiddenUpwardImport")
                .contains("io.closeloop.app.CloseloopMain");
    }

    @Test
    void everyPackageIsOnTheLayerList() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.closeloop");
        production.forEach(c -> assertThat(LAYERS)
                .as("layer of " + c.getName())
                .contains(c.getPackageName().replaceFirst("^io\\.closeloop\\.", "").split("\\.")[0]));
    }

    @Test
    void eachArchitectureFolderHoldsOnlyItsOwnLayer() throws IOException {
        for (String[] folder : FOLDERS) {
            Path root = Path.of(folder[0], "src", "main", "java");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(root.relativize(p).toString())
                        .as(p + " belongs in package io.closeloop." + folder[1])
                        .startsWith("io/closeloop/" + folder[1] + "/"));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> assertThat(p.toString())
                    .as(p + ": src/main holds only the kernel and the app shell")
                    .matches(".*io/closeloop/(kernel|app)/.*"));
        }
    }
}
