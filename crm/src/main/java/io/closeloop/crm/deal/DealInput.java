package io.closeloop.crm.deal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Fields to create a deal, or (with {@code version}) to change one; null leaves a field as it is. */
public record DealInput(
        Long accountId,
        @Size(max = 200) String name,
        DealStage stage,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        LocalDate closeDate,
        Long ownerId,
        @Size(max = 100) String externalId,
        Integer version) {
}
