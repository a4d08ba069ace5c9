package io.closeloop.vectorstore.interaction;

/** Who spoke first: the customer (inbound), us (outbound), or only us (an internal note). */
public enum Direction {
    INBOUND, OUTBOUND, INTERNAL
}
