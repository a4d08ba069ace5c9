package io.closeloop.crm.imports;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/import/accounts|contacts|deals}: a CSV file (HubSpot or Salesforce export, or
 * Closeloop's own columns) as the raw body with {@code Content-Type: text/csv}. Answers with the
 * {@link ImportReport}. The file as a whole is refused with a problem (nothing applied) when it is
 * too large (413), not CSV (415), or unreadable, empty or missing a required column (400).
 */
@Path("/api/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ImportResource {

    static final String TEXT_CSV = "text/csv";

    private final ImportService imports;
    private final ImportConfig config;
    private final CurrentRep me;

    public ImportResource(ImportService imports, ImportConfig config, CurrentRep me) {
        this.imports = imports;
        this.config = config;
        this.me = me;
    }

    @POST
    @Path("/{kind: accounts|contacts|deals}")
    public ImportReport upload(@PathParam("kind") String kind, @QueryParam("dates") @DefaultValue("MDY") String dates,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        checkContentType(contentType);
        checkDeclaredLength(contentLength);
        DateOrder dateOrder = dateOrder(dates);
        long actorId = me.get().id;
        byte[] bytes = CsvReader.readBounded(body, config.maxBytes());
        CsvTable table = CsvReader.parse(ImportKind.valueOf(kind.toUpperCase(Locale.ROOT)), bytes);
        return imports.importTable(table, actorId, dateOrder);
    }

    private static void checkContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.isCompatible(MediaType.valueOf(TEXT_CSV)) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw unsupported("Send the file as the raw body with Content-Type: text/csv (got " + contentType + ")");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw unsupported("Only UTF-8 CSV is accepted (got charset=" + charset + "); save the file as CSV UTF-8");
        }
    }

    /** Refuses a declared length over the limit before reading a byte of the body. */
    private void checkDeclaredLength(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.strip()) > config.maxBytes()) {
                throw ProblemException.tooLarge(config.maxBytes());
            }
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.MALFORMED, "Content-Length is not a number",
                    List.of(new FieldError("Content-Length", "not a number")));
        }
    }

    private static DateOrder dateOrder(String dates) {
        try {
            return DateOrder.valueOf(dates.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("dates", "must be MDY (month first, the default) or DMY (day first)");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail,
                List.of(new FieldError("Content-Type", "must be text/csv")));
    }
}
