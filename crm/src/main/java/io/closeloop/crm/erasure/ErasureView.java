package io.closeloop.crm.erasure;

import java.time.Instant;
import java.util.Map;

/** The answer to an erasure request: the record's id and what was removed or redacted. */
public record ErasureView(long recordId, String subjectKind, Long subjectId, Map<String, Long> counts, Instant erasedAt) {
}
