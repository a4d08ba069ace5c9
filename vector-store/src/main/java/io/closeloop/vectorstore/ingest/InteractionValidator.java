package io.closeloop.vectorstore.ingest;

import io.closeloop.crm.match.Normalize;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.Direction;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks one incoming interaction and brings it to normal form. Every problem names its field;
 * a body over the limit is a 413 that names the limit. Nothing here touches the database.
 */
@ApplicationScoped
public class InteractionValidator {

    static final int MAX_SHORT_FIELD = 1000;

    private final IngestionConfig config;

    public InteractionValidator(IngestionConfig config) {
        this.config = config;
    }

    public ValidInteraction validate(InteractionInput in, IngestPath via) {
        if (in == null) {
            throw ProblemException.invalidField("body", "is empty: send an interaction object");
        }
        List<FieldError> errors = new ArrayList<>();
        String externalId = shortText(in.externalId(), "externalId", errors);
        if (externalId == null && errors.isEmpty()) {
            errors.add(new FieldError("externalId", "is required (the source's id makes ingestion idempotent)"));
        }
        String body = in.body();
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "must not be empty or whitespace"));
        } else {
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > config.maxBodyBytes()) {
                throw ProblemException.tooLarge(config.maxBodyBytes());
            }
            checkText(body, "body", errors);
            body = body.strip();
        }
        String subject = shortText(in.subject(), "subject", errors);
        Channel channel = parseEnum(Channel.class, in.channel(), "channel", errors, null);
        Direction direction = parseEnum(Direction.class, in.direction(), "direction", errors,
                channel == Channel.NOTE ? Direction.INTERNAL : Direction.INBOUND);
        Instant occurredAt = parseTime(in.occurredAt(), errors);
        String source = shortText(in.source(), "source", errors);
        if (source == null) {
            source = via.name().toLowerCase(Locale.ROOT);
        }
        String fromEmail = null;
        if (in.fromEmail() != null && !in.fromEmail().isBlank()) {
            fromEmail = Normalize.email(in.fromEmail());
            if (fromEmail == null) {
                errors.add(new FieldError("fromEmail", "is not an e-mail address"));
            }
        }
        List<String> toEmails = new ArrayList<>();
        if (in.toEmails() != null) {
            for (int i = 0; i < in.toEmails().size(); i++) {
                String raw = in.toEmails().get(i);
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                String email = Normalize.email(raw);
                if (email == null) {
                    errors.add(new FieldError("toEmails[" + i + "]", "is not an e-mail address"));
                } else if (!toEmails.contains(email)) {
                    toEmails.add(email);
                }
            }
        }
        String threadId = shortText(in.threadId(), "threadId", errors);
        String fromName = shortText(in.fromName(), "fromName", errors);
        String companyName = shortText(in.companyName(), "companyName", errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + " " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        String hash = sha256(String.join("\u0001", externalId, source, channel.name(), direction.name(), occurredAt.toString(),
                String.valueOf(in.accountId()), String.valueOf(in.contactId()), String.valueOf(in.dealId()), String.valueOf(subject),
                body, String.valueOf(threadId), String.valueOf(fromEmail), String.valueOf(fromName), String.join(",", toEmails),
                String.valueOf(companyName)));
        return new ValidInteraction(externalId, source, channel, direction, occurredAt, in.accountId(), in.contactId(), in.dealId(),
                subject, body, threadId, fromEmail, fromName, List.copyOf(toEmails), companyName, hash);
    }

    private static String shortText(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_SHORT_FIELD) {
            errors.add(new FieldError(field, "is longer than " + MAX_SHORT_FIELD + " characters"));
            return null;
        }
        checkText(text, field, errors);
        return text;
    }

    /** PostgreSQL text cannot hold NUL, and a lone surrogate is not encodable as UTF-8. */
    static void checkText(String text, String field, List<FieldError> errors) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                errors.add(new FieldError(field, "contains a NUL character"));
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(new FieldError(field, "is not valid Unicode text (unpaired surrogate at character " + i + ")"));
                return;
            }
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String field, List<FieldError> errors, E fallback) {
        if (raw == null || raw.isBlank()) {
            if (fallback == null) {
                errors.add(new FieldError(field, "is required"));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }

    private static Instant parseTime(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("occurredAt", "is required (ISO-8601, e.g. 2026-03-01T09:30:00Z)"));
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", "is not an ISO-8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)"));
            return null;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
