package io.closeloop.router.intents;

/** One intent of the taxonomy: its id (the classifier's label), who answers it, and what it means. */
public record Intent(String id, Handler handler, String description) {
}
