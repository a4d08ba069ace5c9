package io.closeloop.crm.deal;

/** Where a stage change came from. */
public enum StageChangeSource {
    API, IMPORT, DEMO, ACTION
}
