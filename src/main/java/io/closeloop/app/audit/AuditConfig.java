package io.closeloop.app.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit log's recording and export settings. */
@ConfigMapping(prefix = "closeloop.audit")
public interface AuditConfig {

    /** A successful login of the same user is recorded at most this often per replica (API calls authenticate on every request). */
    @WithDefault("15m")
    Duration loginEvery();

    /** The most rows one export returns; narrow the time window for more. */
    @WithDefault("50000")
    int maxExportRows();
}
