package io.closeloop.router.policy;

import io.closeloop.agents.classifier.Classification;

/** A routed message: the serving model, its classification, the policy's choice and how long routing took. */
public record Routed(ServingModel model, Classification classification, RouteChoice choice, long micros) {
}
