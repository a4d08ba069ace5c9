package io.closeloop.router.intents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.agents.classifier.DataFormat;
import io.closeloop.agents.classifier.LabelledDataReader;
import io.closeloop.agents.classifier.LabelledExample;
import io.closeloop.router.config.RouterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned intent taxonomy under {@code router/src/main/resources}: the intents with their
 * handlers, the training set and the held-out test set (never trained on). Read once at start.
 */
@ApplicationScoped
public class IntentTaxonomy {

    private final String resource;
    private final String version;
    private final Map<String, Intent> intents = new LinkedHashMap<>();
    private final String trainingFile;
    private final String testFile;
    private final LabelledDataReader reader;

    public IntentTaxonomy(RouterConfig config, ObjectMapper json, LabelledDataReader reader) {
        this.resource = config.taxonomy();
        this.reader = reader;
        JsonNode root;
        try (InputStream in = open(resource)) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent taxonomy " + resource, e);
        }
        this.version = root.path("taxonomy").asText() + " v" + root.path("version").asText();
        for (JsonNode node : root.path("intents")) {
            Intent intent = new Intent(node.path("id").asText(), Handler.parse(node.path("handler").asText()),
                    node.path("description").asText());
            intents.put(intent.id(), intent);
        }
        String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        this.trainingFile = folder + root.path("training").asText();
        this.testFile = folder + root.path("test").asText();
    }

    public String version() {
        return version;
    }

    public List<Intent> intents() {
        return List.copyOf(intents.values());
    }

    public Optional<Intent> find(String id) {
        return Optional.ofNullable(id == null ? null : intents.get(id));
    }

    /** The handler of an intent; an intent the taxonomy does not know is answered by the LLM agent. */
    public Handler handler(String id) {
        return find(id).map(Intent::handler).orElse(Handler.LLM_AGENT);
    }

    public List<LabelledExample> training() {
        return read(trainingFile);
    }

    /** The held-out test set: evaluation, thresholds and promotion only, never training. */
    public List<LabelledExample> heldOut() {
        return read(testFile);
    }

    private List<LabelledExample> read(String file) {
        try (Reader in = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
            return reader.read(in, DataFormat.ofFileName(file), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return in;
    }
}
