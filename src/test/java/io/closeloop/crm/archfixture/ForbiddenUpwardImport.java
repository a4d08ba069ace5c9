package io.closeloop.crm.archfixture;

import io.closeloop.app.CloseloopMain;

/**
 * Test-only class that breaks the layer rule on purpose (crm depending on the app shell), so
 * {@code LayerRulesTest} can show that the rule catches it. Never referenced by production code.
 */
public final class ForbiddenUpwardImport {

    private ForbiddenUpwardImport() {
    }

    public static Class<?> reachUp() {
        return CloseloopMain.class;
    }
}
