package io.closeloop.crm.imports;

/**
 * A value the import understands, whatever the column is called in the file. {@link #apiName()}
 * is Closeloop's own column name (the field name of the REST API).
 */
public enum ImportField {
    EXTERNAL_ID("externalId"),
    NAME("name"),
    DOMAIN("domain"),
    INDUSTRY("industry"),
    TIER("tier"),
    ANNUAL_REVENUE("annualRevenue"),
    OWNER("owner"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    EMAIL("email"),
    PHONE("phone"),
    TITLE("title"),
    EMAIL_CONSENT("emailConsent"),
    EMAIL_OPT_OUT("emailOptOut"),
    MARKETING_STATUS("marketingContactStatus"),
    ACCOUNT_EXTERNAL_ID("accountExternalId"),
    ACCOUNT_NAME("accountName"),
    ACCOUNT_DOMAIN("accountDomain"),
    STAGE("stage"),
    AMOUNT("amount"),
    CURRENCY("currency"),
    CLOSE_DATE("closeDate");

    private final String apiName;

    ImportField(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
