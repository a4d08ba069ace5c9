package io.closeloop.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s parses, every object is named, the wiring between objects holds (Service selectors,
 * HPA target, kustomization), the probes hit endpoints this service answers, and every setting
 * the ConfigMap passes is one application.properties reads.
 */
@QuarkusTest
class K8sManifestsTest {

    static final Path K8S = Path.of("deploy/k8s");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> objects() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(n -> n != null && !n.isMissingNode() && !n.isNull()).forEach(all::add);
                }
            }
        }
        return all;
    }

    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void everyManifestParsesAndEveryObjectHasKindVersionAndName() throws IOException {
        List<JsonNode> objects = objects();
        assertThat(objects).hasSizeGreaterThan(10);
        for (JsonNode o : objects) {
            assertThat(o.path("apiVersion").asText()).as(o.toString()).isNotEmpty();
            assertThat(o.path("kind").asText()).as(o.toString()).isNotEmpty();
            if (!o.path("kind").asText().equals("Kustomization")) {
                assertThat(o.path("metadata").path("name").asText()).as(o.toString()).isNotEmpty();
            }
        }
        JsonNode kustomization = find(objects, "Kustomization", "");
        try (Stream<Path> files = Files.list(K8S)) {
            List<String> listed = new ArrayList<>();
            kustomization.path("resources").forEach(r -> listed.add(r.asText()));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
        }
    }

    @Test
    void servicesSelectPodsThatExistAndTheAutoscalerTargetsTheService() throws IOException {
        List<JsonNode> objects = objects();
        for (JsonNode service : objects.stream().filter(o -> o.path("kind").asText().equals("Service")).toList()) {
            JsonNode selector = service.path("spec").path("selector");
            boolean matched = objects.stream().filter(o -> o.path("spec").has("template")).anyMatch(w -> {
                JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
                List<String> missing = new ArrayList<>();
                selector.fields().forEachRemaining(e -> {
                    if (!labels.path(e.getKey()).asText().equals(e.getValue().asText())) {
                        missing.add(e.getKey());
                    }
                });
                return missing.isEmpty();
            });
            assertThat(matched).as("Service " + service.path("metadata").path("name").asText() + " selects pods").isTrue();
        }
        JsonNode hpa = find(objects, "HorizontalPodAutoscaler", "closeloop");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo("closeloop");
        find(objects, "Deployment", "closeloop");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(find(objects, "RabbitmqCluster", "rabbitmq").path("spec").path("rabbitmq").path("additionalConfig").asText())
                .contains("default_queue_type = quorum");
        find(objects, "Service", "postgres-read");
    }

    @Test
    void probesPointAtHealthEndpointsTheServiceAnswers() throws IOException {
        JsonNode container = find(objects(), "Deployment", "closeloop").path("spec").path("template").path("spec").path("containers").get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            assertThat(path).as(probe).startsWith("/q/health");
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void everyClosedloopSettingInTheConfigMapIsReadByTheService() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        List<String> unread = new ArrayList<>();
        List<JsonNode> objects = objects();
        for (String name : List.of("closeloop-config", "closeloop-secrets")) {
            JsonNode data = find(objects, name.endsWith("config") ? "ConfigMap" : "Secret", name);
            JsonNode values = data.has("data") ? data.path("data") : data.path("stringData");
            values.fieldNames().forEachRemaining(key -> {
                boolean quarkus = key.startsWith("QUARKUS_") || key.equals("JAVA_TOOL_OPTIONS");
                if (!quarkus && !properties.contains("${" + key)) {
                    unread.add(key);
                }
            });
        }
        assertThat(unread).as("settings no property reads").isEmpty();
    }
}
