package io.closeloop.vectorstore.interaction;

/** How a conversation with a customer happened. */
public enum Channel {
    EMAIL, CALL, MEETING, CHAT, NOTE
}
