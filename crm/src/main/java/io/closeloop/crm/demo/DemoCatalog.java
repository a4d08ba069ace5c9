package io.closeloop.crm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The demo seller's catalogue: 20 products in 4 families, priced per unit and year in USD and
 * EUR (EUR list prices are the USD ones at 0.92, rounded to 5). The same for every seed.
 */
public final class DemoCatalog {

    public static final String PLATFORM = "Platform";
    public static final String ANALYTICS = "Analytics";
    public static final String INTEGRATIONS = "Integrations";
    public static final String SERVICES = "Services";

    public static final List<DemoProduct> PRODUCTS = List.of(
            product("PLT-STD", "Platform Standard", PLATFORM, "Core workspace, per seat and year", 600, 20),
            product("PLT-PRO", "Platform Professional", PLATFORM, "Workflows and approvals, per seat and year", 1200, 25),
            product("PLT-ENT", "Platform Enterprise", PLATFORM, "Audit, data residency and SLA, per seat and year", 2100, 30),
            product("PLT-SBX", "Sandbox Environment", PLATFORM, "Full-copy test environment, per year", 4800, 15),
            product("PLT-SSO", "Single Sign-On Add-on", PLATFORM, "SAML/OIDC and SCIM provisioning, per year", 3000, 15),
            product("ANL-DSH", "Dashboards", ANALYTICS, "Shared dashboards, per seat and year", 240, 20),
            product("ANL-FCT", "Forecasting", ANALYTICS, "Pipeline forecasting, per seat and year", 480, 20),
            product("ANL-INS", "AI Insights", ANALYTICS, "Scoring and next-best-action, per seat and year", 720, 15),
            product("ANL-DWH", "Warehouse Connector", ANALYTICS, "Snowflake/BigQuery export, per year", 9000, 20),
            product("ANL-RPT", "Custom Reports Pack", ANALYTICS, "Ten custom reports built for you", 6000, 10),
            product("INT-CRM", "CRM Connector", INTEGRATIONS, "Two-way sync with Salesforce or HubSpot, per year", 7500, 20),
            product("INT-ERP", "ERP Connector", INTEGRATIONS, "SAP/NetSuite order sync, per year", 12000, 20),
            product("INT-API", "API Access", INTEGRATIONS, "One million API calls per month, per year", 5000, 15),
            product("INT-EML", "Email & Calendar Sync", INTEGRATIONS, "Exchange and Google Workspace, per seat and year", 60, 15),
            product("INT-WHK", "Webhooks & Events", INTEGRATIONS, "Event streaming to your systems, per year", 3600, 10),
            product("SVC-ONB", "Onboarding Package", SERVICES, "Guided rollout over six weeks", 15000, 10),
            product("SVC-TRN", "Training Day", SERVICES, "On-site or remote training, per day", 2500, 10),
            product("SVC-PSD", "Professional Services Day", SERVICES, "Consultant day for custom work", 1800, 10),
            product("SVC-TAM", "Technical Account Manager", SERVICES, "Named TAM, per year", 40000, 5),
            product("SVC-PRM", "Premium Support", SERVICES, "24/7 support with 1-hour response, per year", 18000, 10));

    /** The main product of a deal: a seat-priced platform edition, chosen by account size. */
    public static final List<String> SEAT_PRODUCTS = List.of("PLT-STD", "PLT-PRO", "PLT-ENT");

    private DemoCatalog() {
    }

    public static DemoProduct bySku(String sku) {
        return PRODUCTS.stream().filter(p -> p.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no product " + sku));
    }

    public static List<DemoProduct> family(String family) {
        return PRODUCTS.stream().filter(p -> p.family().equals(family)).toList();
    }

    private static DemoProduct product(String sku, String name, String family, String description, int usd, int maxDiscount) {
        BigDecimal discount = BigDecimal.valueOf(maxDiscount).setScale(2);
        BigDecimal eur = BigDecimal.valueOf(usd * 0.92 / 5).setScale(0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(5));
        return new DemoProduct(sku, name, family, description, List.of(
                new DemoProduct.Price("USD", BigDecimal.valueOf(usd).setScale(2), discount),
                new DemoProduct.Price("EUR", eur.setScale(2), discount)));
    }
}
