package io.closeloop.vectorstore.ingest.bulk;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.closeloop.vectorstore.ingest.IngestionConfig;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;

/**
 * {@code /api/interactions/imports}: upload a CSV ({@code text/csv}) or JSONL
 * ({@code application/x-ndjson}) file; 202 with the job, whose progress is polled at its URL.
 */
@Path("/api/interactions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final BulkImportService imports;
    private final IngestionConfig config;
    private final CurrentRep me;

    public ImportResource(BulkImportService imports, IngestionConfig config, CurrentRep me) {
        this.imports = imports;
        this.config = config;
        this.me = me;
    }

    @POST
    @Path("/imports")
    @Consumes({ "text/csv", "application/x-ndjson", "application/jsonl", "application/x-jsonlines" })
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("fileName") String fileName) throws IOException {
        ImportFormat format = ImportFormat.ofMediaType(contentType).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send text/csv or application/x-ndjson"));
        long limit = config.importMaxBytes().asLongValue();
        java.nio.file.Path file = Files.createTempFile("closeloop-import-", format == ImportFormat.CSV ? ".csv" : ".jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw ProblemException.tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ImportView job = imports.start(file, format, fileName, me.get());
        return Response.accepted(job).location(URI.create("/api/interactions/imports/" + job.id())).build();
    }

    @GET
    @Path("/imports/{id}")
    public ImportView get(@PathParam("id") long id) {
        return imports.view(id, me.get());
    }
}
