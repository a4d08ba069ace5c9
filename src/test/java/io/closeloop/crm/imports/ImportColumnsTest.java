package io.closeloop.crm.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.closeloop.crm.deal.DealStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The alias table matches headers loosely, and crm/README.md documents exactly what it accepts. */
class ImportColumnsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Map<ImportKind, String> SECTIONS = Map.of(
            ImportKind.ACCOUNTS, "### Accepted headers — accounts",
            ImportKind.CONTACTS, "### Accepted headers — contacts",
            ImportKind.DEALS, "### Accepted headers — deals");

    @Test
    void matchesHeadersIgnoringCaseSpacesAndPunctuation() {
        for (String header : List.of("Company Domain Name", "company_domain_name", " COMPANY-DOMAIN-NAME ", "companyDomainName")) {
            assertEquals(Optional.of(ImportField.DOMAIN), ImportColumns.field(ImportKind.ACCOUNTS, header), header);
        }
        assertEquals(Optional.of(ImportField.ACCOUNT_EXTERNAL_ID), ImportColumns.field(ImportKind.DEALS, "Account ID"));
        assertEquals(Optional.of(ImportField.EXTERNAL_ID), ImportColumns.field(ImportKind.ACCOUNTS, "Account ID"));
        assertEquals(Optional.empty(), ImportColumns.field(ImportKind.ACCOUNTS, "Lifecycle Stage"));
    }

    @Test
    void mapsHubSpotAndSalesforceStagesOntoThePipeline() {
        assertEquals(Optional.of(DealStage.CLOSED_WON), ExportStages.stage("closedwon"));
        assertEquals(Optional.of(DealStage.CLOSED_WON), ExportStages.stage("Closed Won"));
        assertEquals(Optional.of(DealStage.PROPOSAL), ExportStages.stage("Proposal/Price Quote"));
        assertEquals(Optional.of(DealStage.NEGOTIATION), ExportStages.stage("contractsent"));
        assertEquals(Optional.of(DealStage.NEEDS_ANALYSIS), ExportStages.stage("needs_analysis"));
        assertEquals(Optional.empty(), ExportStages.stage("warm lead"));
    }

    @Test
    void everyAcceptedHeaderIsDocumentedInTheReadmeAndEveryDocumentedOneIsAccepted() throws IOException {
        String readme = Files.readString(Path.of("crm", "README.md"));
        for (ImportKind kind : ImportKind.values()) {
            List<String> documented = headerCells(section(readme, SECTIONS.get(kind)));
            for (List<String> aliases : ImportColumns.aliases(kind).values()) {
                for (String alias : aliases) {
                    assertTrue(documented.contains(alias), kind + " header '" + alias + "' is not documented in crm/README.md");
                }
            }
            for (String header : documented) {
                assertTrue(ImportColumns.field(kind, header).isPresent(), "crm/README.md documents '" + header + "' for "
                        + kind + " but the import does not accept it");
            }
        }
    }

    @Test
    void everyAcceptedStageIsDocumentedWithTheStageItMapsTo() throws IOException {
        String stages = section(Files.readString(Path.of("crm", "README.md")), "### Accepted stages");
        List<String> documented = new ArrayList<>();
        for (String line : stages.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            DealStage stage = DealStage.valueOf(cells[1].strip().replace("`", ""));
            for (int i = 1; i < cells.length; i++) {
                for (String name : codes(cells[i])) {
                    assertEquals(Optional.of(stage), ExportStages.stage(name), "README maps '" + name + "' to " + stage);
                    documented.add(name);
                }
            }
        }
        ExportStages.all().keySet().forEach(name -> assertTrue(documented.contains(name), "stage '" + name + "' is not documented"));
        assertFalse(documented.isEmpty());
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf(heading);
        assertTrue(start >= 0, "crm/README.md has no section '" + heading + "'");
        int end = readme.indexOf("\n###", start + heading.length());
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    /** The backticked names of the "headers" column of a field table. */
    private static List<String> headerCells(String section) {
        List<String> headers = new ArrayList<>();
        section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| field") && !l.startsWith("|---"))
                .forEach(l -> headers.addAll(codes(l.split("\\|")[2])));
        return headers;
    }

    private static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
