package io.closeloop.router.policy;

import io.closeloop.agents.AgentDispatcher;
import io.closeloop.agents.assistant.LlmAgent;
import io.closeloop.agents.classifier.Classification;
import io.closeloop.agents.classifier.ClassifierService;
import io.closeloop.router.config.RouterConfig;
import io.closeloop.router.intents.IntentTaxonomy;
import io.closeloop.router.learn.RetrainService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routing proper: embed and classify the message with the serving intent classifier, read the LLM
 * status, apply the {@link RoutingPolicy}. The small agents are the deployed agents other than
 * the LLM agent.
 */
@ApplicationScoped
public class IntentRouter {

    private final RetrainService retraining;
    private final ClassifierService classifiers;
    private final LlmAvailability llm;
    private final RoutingPolicy policy;

    public IntentRouter(RetrainService retraining, ClassifierService classifiers, LlmAvailability llm, IntentTaxonomy taxonomy,
            AgentDispatcher agents, LlmAgent llmAgent, RouterConfig config) {
        this.retraining = retraining;
        this.classifiers = classifiers;
        this.llm = llm;
        Set<String> small = new TreeSet<>(agents.intents());
        small.removeAll(llmAgent.intents());
        this.policy = new RoutingPolicy(taxonomy::handler, small, llmAgent.intents(), config.clarifyChoices());
    }

    public Routed route(String message) {
        ServingModel model = retraining.serving();
        long started = System.nanoTime();
        Classification classification = classifiers.classify(model.name(), model.version(), message);
        RouteChoice choice = policy.decide(classification, model.thresholdByIntent(), llm.status());
        return new Routed(model, classification, choice, (System.nanoTime() - started) / 1_000);
    }

    public RoutingPolicy policy() {
        return policy;
    }
}
