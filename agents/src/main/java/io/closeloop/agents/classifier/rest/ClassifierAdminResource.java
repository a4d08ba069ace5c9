package io.closeloop.agents.classifier.rest;

import io.closeloop.agents.classifier.Classification;
import io.closeloop.agents.classifier.ClassifierService;
import io.closeloop.agents.classifier.DataFormat;
import io.closeloop.agents.classifier.EvaluationReport;
import io.closeloop.agents.classifier.LabelledDataReader;
import io.closeloop.agents.classifier.LabelledExample;
import io.closeloop.agents.classifier.ModelInfo;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/admin/classifiers}: train, evaluate, inspect and try the embedding classifiers.
 * Admins only. Training runs in the request (seconds for hundreds of examples, minutes for tens of
 * thousands); for large data sets use {@code ./closeloop classifier train}.
 */
@Path("/api/admin/classifiers")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifierAdminResource {

    private final ClassifierService classifiers;
    private final LabelledDataReader reader;
    private final SecurityIdentity identity;

    public ClassifierAdminResource(ClassifierService classifiers, LabelledDataReader reader, SecurityIdentity identity) {
        this.classifiers = classifiers;
        this.reader = reader;
        this.identity = identity;
    }

    /** The latest version of every classifier. */
    @GET
    public List<ModelInfo> list() {
        return classifiers.latest();
    }

    @GET
    @Path("/{name}/versions")
    public List<ModelInfo> versions(@PathParam("name") String name) {
        List<ModelInfo> versions = classifiers.versions(name);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Classifier", name);
        }
        return versions;
    }

    @GET
    @Path("/{name}/versions/{version}")
    public ClassifierVersionView version(@PathParam("name") String name, @PathParam("version") @Positive int version) {
        return new ClassifierVersionView(classifiers.find(name, version), classifiers.validationJson(name, version));
    }

    /** Trains the next version of {@code name}; 201 with the version and its validation report. */
    @POST
    @Path("/{name}/versions")
    public Response train(@PathParam("name") String name, @NotNull @Valid TrainingDataInput input) {
        ClassifierService.TrainedVersion trained = classifiers.train(name, examples(input), input.trainer(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/admin/classifiers/" + name + "/versions/" + trained.model().version()))
                .entity(trained).build();
    }

    /** Evaluates a stored version (latest unless {@code version}) on the labelled data in the body. */
    @POST
    @Path("/{name}/evaluations")
    public EvaluationReport evaluate(@PathParam("name") String name, @NotNull @Valid TrainingDataInput input) {
        return classifiers.evaluate(name, input.version(), examples(input));
    }

    /** The calibrated probabilities of every label for one text. */
    @POST
    @Path("/{name}/classifications")
    public Classification classify(@PathParam("name") String name, @NotNull @Valid ClassifyInput input) {
        return classifiers.classify(name, input.version(), input.text());
    }

    private List<LabelledExample> examples(TrainingDataInput input) {
        boolean hasData = input.data() != null;
        boolean hasExamples = input.examples() != null;
        if (hasData == hasExamples) {
            throw ProblemException.invalidField(hasData ? "data" : "examples", "give either 'examples' or 'data' (with 'format'), not "
                    + (hasData ? "both" : "neither"));
        }
        if (hasExamples) {
            return input.examples().stream().map(e -> new LabelledExample(e.text().strip(), e.label().strip())).toList();
        }
        DataFormat format = DataFormat.parse(input.format());
        if (format == null) {
            throw ProblemException.invalidField("format", "must be csv, tsv or jsonl when 'data' is given");
        }
        return reader.read(new StringReader(input.data()), format, "data");
    }
}
