package io.closeloop.crm.imports;

import java.util.Locale;

/** What a CSV file holds; the last segment of {@code /api/import/{kind}}. */
public enum ImportKind {
    ACCOUNTS, CONTACTS, DEALS;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
