package io.closeloop.vectorstore.interaction;

/** Which door an interaction came in through; all of them lead to the same pipeline. */
public enum IngestPath {
    API, IMPORT, QUEUE, DEMO
}
