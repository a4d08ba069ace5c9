package io.closeloop.router.policy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The promoted version of the intent classifier and its thresholds: what the router serves. */
public record ServingModel(String name, int version, List<IntentThreshold> thresholds) {

    public ServingModel {
        thresholds = List.copyOf(thresholds);
    }

    /** Intent -> threshold, for {@link RoutingPolicy#decide}. */
    public Map<String, Double> thresholdByIntent() {
        return thresholds.stream().collect(Collectors.toUnmodifiableMap(IntentThreshold::intent, IntentThreshold::threshold));
    }
}
