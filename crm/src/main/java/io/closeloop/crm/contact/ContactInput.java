package io.closeloop.crm.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fields to create a contact, or (with {@code version}) to change one; null leaves a field as it is. */
public record ContactInput(
        Long accountId,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "[0-9+()./ x-]*", message = "may contain only digits, spaces and + ( ) . / - x") String phone,
        @Size(max = 150) String title,
        EmailConsent emailConsent,
        @Size(max = 100) String externalId,
        Integer version) {
}
