package io.closeloop.app.audit;

import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditEntry;
import io.closeloop.kernel.audit.AuditLog;
import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code GET /api/admin/audit}: the audit log between two instants, as JSON or CSV (admins only). */
@Path("/api/admin/audit")
@RolesAllowed("ADMIN")
public class AuditExportResource {

    private static final String[] HEADER = { "id", "at", "actor", "action", "target", "outcome", "detail", "trace_id" };

    private final AuditLog audit;
    private final AuditConfig config;
    private final SecurityIdentity identity;

    public AuditExportResource(AuditLog audit, AuditConfig config, SecurityIdentity identity) {
        this.audit = audit;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Produces({ "application/json", "text/csv" })
    @Transactional
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") @DefaultValue("json") String format) {
        Instant start = instant("from", from, Instant.EPOCH);
        Instant end = instant("to", to, Instant.now().plusSeconds(1));
        if (!format.equals("json") && !format.equals("csv")) {
            throw ProblemException.invalidField("format", "must be json or csv");
        }
        List<AuditEntry> rows = AuditEntry.find("at >= ?1 and at < ?2 order by id", start, end)
                .range(0, config.maxExportRows() - 1).list();
        audit.record(identity.getPrincipal().getName(), AuditAction.AUDIT_EXPORT, "audit_log", "done",
                rows.size() + " rows " + start + ".." + end + " as " + format);
        if (format.equals("json")) {
            return Response.ok(rows.stream().map(AuditRow::of).toList(), "application/json").build();
        }
        return Response.ok(csv(rows), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private static String csv(List<AuditEntry> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AuditEntry e : rows) {
                printer.printRecord(e.id, e.at, e.actor, e.action, e.target, e.outcome, neutralise(e.detail), e.traceId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Spreadsheet formula injection: a cell starting with = + - @ is prefixed with a quote. */
    static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "is not an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }

    /** One exported row. */
    public record AuditRow(long id, Instant at, String actor, String action, String target, String outcome,
            String detail, String traceId) {
        static AuditRow of(AuditEntry e) {
            return new AuditRow(e.id, e.at, e.actor, e.action, e.target, e.outcome, e.detail, e.traceId);
        }
    }
}
