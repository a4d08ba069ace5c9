package io.closeloop.actions.action;

/** Where a drafted action came from. */
public enum ActionOrigin {
    /** A rep's chat or sidebar request (the router drafted it). */
    CHAT,
    /** A signal crossing its threshold. */
    SIGNAL,
    /** A client of the REST API. */
    API
}
