package io.closeloop.agents.classifier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/classifiers}: admins only, bad input as problem+json naming the field, train/evaluate/list/classify. */
@QuarkusTest
class ClassifierAdminResourceTest {

    @Inject
    CrmFixtures fixtures;

    @Inject
    LabelledDataReader reader;

    Rep admin;
    Rep manager;
    Rep rep;

    @BeforeEach
    void setUp() {
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
        manager = fixtures.rep("manager", RepRole.MANAGER, null);
        rep = fixtures.rep("rep", RepRole.REP, null);
    }

    static RequestSpecification as(Rep user) {
        return given().auth().preemptive().basic(user.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClassifierAdminResourceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void repsAndManagersAreForbiddenAndAnonymousCallersUnauthenticated() {
        for (Rep user : new Rep[] { rep, manager }) {
            as(user).get("/api/admin/classifiers").then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:closeloop:problem:forbidden"));
            as(user).body(Map.of("examples", List.of())).post("/api/admin/classifiers/{name}/versions", "x").then().statusCode(403);
            as(user).body(Map.of("text", "hello")).post("/api/admin/classifiers/{name}/classifications", "x").then().statusCode(403);
        }
        given().get("/api/admin/classifiers").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badTrainingRequestsNameTheField() {
        as(admin).body(Map.of("examples", List.of(Map.of("text", " ", "label", "a"))))
                .post("/api/admin/classifiers/{name}/versions", "fields").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("examples[0].text"));
        invalid(as(admin).body(Map.of("trainer", "logistic-sgd")).post("/api/admin/classifiers/{name}/versions", "fields").then(),
                "examples");
        invalid(as(admin).body(Map.of("data", "text,label\na,b\n", "examples", List.of()))
                .post("/api/admin/classifiers/{name}/versions", "fields").then(), "data");
        invalid(as(admin).body(Map.of("data", "text,label\na,b\n")).post("/api/admin/classifiers/{name}/versions", "fields").then(),
                "format");
        invalid(as(admin).body(Map.of("data", "text,label\nok,b\n,b\n", "format", "csv"))
                .post("/api/admin/classifiers/{name}/versions", "fields").then(), "data")
                .body("errors[0].reason", equalTo("line 3 has an empty text"));
        invalid(as(admin).body(Map.of("examples", List.of(Map.of("text", "a", "label", "x"), Map.of("text", "b", "label", "y")),
                "trainer", "deep-net")).post("/api/admin/classifiers/{name}/versions", "fields").then(), "trainer");
        invalid(as(admin).body(Map.of("examples", List.of(Map.of("text", "a", "label", "x"))))
                .post("/api/admin/classifiers/{name}/versions", "UPPER case").then(), "name");
        as(admin).body("{\"examples\": [").post("/api/admin/classifiers/{name}/versions", "fields").then().statusCode(400)
                .contentType("application/problem+json");
        as(admin).get("/api/admin/classifiers/{name}/versions", "fields").then().statusCode(404)
                .body("type", equalTo("urn:closeloop:problem:not-found"));
    }

    @Test
    void adminTrainsEvaluatesListsAndClassifies() throws IOException {
        String name = SmallData.uniqueName("api");
        List<Map<String, String>> examples = SmallData.train(reader).stream()
                .map(e -> Map.of("text", e.text(), "label", e.label())).toList();

        as(admin).body(Map.of("examples", examples, "trainer", "logistic-liblinear"))
                .post("/api/admin/classifiers/{name}/versions", name).then().statusCode(201)
                .header("Location", startsWith("http")).body("model.version", equalTo(1))
                .body("model.createdBy", equalTo(admin.username)).body("validation.examples", equalTo(3));
        as(admin).body(Map.of("data", resource("small-train.csv"), "format", "csv"))
                .post("/api/admin/classifiers/{name}/versions", name).then().statusCode(201).body("model.version", equalTo(2));

        as(admin).get("/api/admin/classifiers/{name}/versions", name).then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)));
        as(admin).get("/api/admin/classifiers").then().statusCode(200).body("findAll { it.name == '" + name + "' }.version",
                equalTo(List.of(2)));
        as(admin).get("/api/admin/classifiers/{name}/versions/{v}", name, 1).then().statusCode(200)
                .body("model.trainer", equalTo("logistic-liblinear")).body("validation.accuracy", notNullValue());

        as(admin).body(Map.of("data", resource("small-test.csv"), "format", "csv", "version", 1))
                .post("/api/admin/classifiers/{name}/evaluations", name).then().statusCode(200)
                .body("version", equalTo(1)).body("examples", equalTo(12)).body("perClass", hasSize(3))
                .body("coverage[0].coverage", equalTo(1.0f));

        List<Double> probabilities = as(admin).body(Map.of("text", "my parcel never arrived"))
                .post("/api/admin/classifiers/{name}/classifications", name).then().statusCode(200)
                .body("ranked", hasSize(3)).body("ranked[0].label", equalTo("shipping"))
                .extract().jsonPath().getList("ranked.probability", Double.class);
        assertEquals(1.0, probabilities.stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        invalid(as(admin).body(Map.of("text", "")).post("/api/admin/classifiers/{name}/classifications", name).then(), "text");
    }
}
