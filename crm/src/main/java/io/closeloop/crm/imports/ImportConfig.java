package io.closeloop.crm.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the CSV import ({@code POST /api/import/...}). */
@ConfigMapping(prefix = "closeloop.import")
public interface ImportConfig {

    /**
     * The largest CSV body accepted, in bytes. A larger upload is refused with 413 before it is
     * read when it declares its length, and as soon as the limit is crossed when it is streamed.
     * Keep it below {@code quarkus.http.limits.max-body-size}, which the HTTP layer enforces first.
     */
    @WithDefault("10485760")
    long maxBytes();
}
