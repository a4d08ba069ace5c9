package io.closeloop.actions.execution;

/** An execution failure that retrying cannot fix (the action fails for good). */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }
}
