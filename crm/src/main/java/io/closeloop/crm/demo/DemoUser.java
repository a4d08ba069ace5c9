package io.closeloop.crm.demo;

import io.closeloop.crm.rep.RepRole;
import java.math.BigDecimal;

/**
 * A user of the demo book with the password to log in with.
 *
 * @param team the team name, null for the admin
 * @param manager the manager's username, null for managers and the admin
 */
public record DemoUser(String username, String password, String fullName, RepRole role, String team,
        String manager, BigDecimal discountAuthorityPct) {

    /** Where the demo user's mail would go; {@code .example} is reserved and never delivered. */
    public String email() {
        return username + "@closeloop-demo.example";
    }
}
