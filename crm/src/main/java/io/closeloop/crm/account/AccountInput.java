package io.closeloop.crm.account;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Fields to create an account, or (with {@code version}) to change one: on update a null field
 * is left as it is.
 */
public record AccountInput(
        @Size(max = 200) String name,
        @Size(max = 253) String domain,
        @Size(max = 100) String industry,
        AccountTier tier,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 2) BigDecimal annualRevenue,
        Long ownerId,
        @Size(max = 100) String externalId,
        Integer version) {

    /** Creation needs a name. */
    public AccountInput requireName() {
        if (name == null || name.isBlank()) {
            throw io.closeloop.kernel.problem.ProblemException.invalidField("name", "must not be blank");
        }
        return this;
    }

}
