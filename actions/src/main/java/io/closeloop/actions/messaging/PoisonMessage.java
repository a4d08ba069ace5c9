package io.closeloop.actions.messaging;

/** A message that can never be handled (unreadable, or missing what it must carry): dead-lettered, not retried. */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
