package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.*;

import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one alias table of the CSV import: which column headers (HubSpot exports, Salesforce
 * exports and Closeloop's own field names) mean which {@link ImportField}, per kind of file.
 * Headers are compared by {@link #key(String)}, so case, spaces and punctuation do not matter.
 * Every alias here is documented in {@code crm/README.md} (a test keeps the two in step).
 */
public final class ImportColumns {

    private static final Map<ImportKind, Map<ImportField, List<String>>> TABLE = new EnumMap<>(ImportKind.class);
    private static final Map<ImportKind, Map<String, ImportField>> BY_KEY = new EnumMap<>(ImportKind.class);

    static {
        alias(ImportKind.ACCOUNTS, EXTERNAL_ID, "Record ID", "Company ID", "Account ID", "Id");
        alias(ImportKind.ACCOUNTS, NAME, "Company name", "Company", "Account Name", "Name");
        alias(ImportKind.ACCOUNTS, DOMAIN, "Company Domain Name", "Website URL", "Website", "Domain");
        alias(ImportKind.ACCOUNTS, INDUSTRY, "Industry");
        alias(ImportKind.ACCOUNTS, TIER, "Tier", "Account Tier");
        alias(ImportKind.ACCOUNTS, ANNUAL_REVENUE, "Annual Revenue", "Revenue");
        alias(ImportKind.ACCOUNTS, OWNER, "Company owner", "Account Owner", "Account Owner Email", "Owner", "Owner Email");

        alias(ImportKind.CONTACTS, EXTERNAL_ID, "Record ID", "Contact ID", "Id");
        alias(ImportKind.CONTACTS, FIRST_NAME, "First Name");
        alias(ImportKind.CONTACTS, LAST_NAME, "Last Name");
        alias(ImportKind.CONTACTS, EMAIL, "Email", "Email Address", "E-mail");
        alias(ImportKind.CONTACTS, PHONE, "Phone Number", "Phone", "Mobile Phone Number", "Mobile Phone");
        alias(ImportKind.CONTACTS, TITLE, "Job Title", "Title");
        alias(ImportKind.CONTACTS, EMAIL_CONSENT, "Email Consent");
        alias(ImportKind.CONTACTS, EMAIL_OPT_OUT, "Unsubscribed from all email", "Email Opt Out", "HasOptedOutOfEmail");
        alias(ImportKind.CONTACTS, MARKETING_STATUS, "Marketing contact status");
        alias(ImportKind.CONTACTS, ACCOUNT_EXTERNAL_ID, "Account ID", "Associated Company ID",
                "Associated Company IDs", "Associated Company IDs (Primary)", "Company ID");
        alias(ImportKind.CONTACTS, ACCOUNT_NAME, "Associated Company", "Account Name", "Company Name", "Company");
        alias(ImportKind.CONTACTS, ACCOUNT_DOMAIN, "Company Domain Name", "Account Domain", "Website");

        alias(ImportKind.DEALS, EXTERNAL_ID, "Record ID", "Deal ID", "Opportunity ID", "Id");
        alias(ImportKind.DEALS, NAME, "Deal Name", "Opportunity Name", "Name");
        alias(ImportKind.DEALS, STAGE, "Deal Stage", "Stage", "Stage Name");
        alias(ImportKind.DEALS, AMOUNT, "Amount", "Deal Amount");
        alias(ImportKind.DEALS, CURRENCY, "Currency", "Opportunity Currency", "Deal Currency Code");
        alias(ImportKind.DEALS, CLOSE_DATE, "Close Date");
        alias(ImportKind.DEALS, OWNER, "Deal owner", "Opportunity Owner", "Owner", "Owner Email");
        alias(ImportKind.DEALS, ACCOUNT_EXTERNAL_ID, "Account ID", "Associated Company ID",
                "Associated Company IDs", "Associated Company IDs (Primary)", "Company ID");
        alias(ImportKind.DEALS, ACCOUNT_NAME, "Associated Company", "Account Name", "Company Name", "Company");
        alias(ImportKind.DEALS, ACCOUNT_DOMAIN, "Company Domain Name", "Account Domain");
    }

    private ImportColumns() {
    }

    /** Headers and codes compare by this: accents, case, spaces and punctuation removed. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The field a header means in a file of this kind, if any. */
    public static Optional<ImportField> field(ImportKind kind, String header) {
        return Optional.ofNullable(BY_KEY.get(kind).get(key(header)));
    }

    /** The fields a kind of file understands, each with its accepted headers (own name first). */
    public static Map<ImportField, List<String>> aliases(ImportKind kind) {
        return Collections.unmodifiableMap(TABLE.get(kind));
    }

    /** The accepted headers of one field, for messages ("one of 'Company name', 'Account Name', ..."). */
    public static String accepted(ImportKind kind, Set<ImportField> fields) {
        return TABLE.get(kind).entrySet().stream().filter(e -> fields.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .map(h -> "'" + h + "'").collect(Collectors.joining(", "));
    }

    private static void alias(ImportKind kind, ImportField field, String... headers) {
        List<String> all = Stream.concat(Stream.of(field.apiName()), Stream.of(headers)).distinct().toList();
        TABLE.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(field, all);
        Map<String, ImportField> byKey = BY_KEY.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        for (String header : all) {
            ImportField before = byKey.putIfAbsent(key(header), field);
            if (before != null && before != field) {
                throw new IllegalStateException("Header '" + header + "' of " + kind + " means both " + before + " and " + field);
            }
        }
    }
}
