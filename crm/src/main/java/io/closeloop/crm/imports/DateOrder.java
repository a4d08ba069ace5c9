package io.closeloop.crm.imports;

/**
 * How to read dates with slashes ("03/04/2025"): month first (US exports, the default) or day
 * first (European exports). Chosen per upload with {@code ?dates=MDY|DMY}.
 */
public enum DateOrder {
    MDY, DMY
}
