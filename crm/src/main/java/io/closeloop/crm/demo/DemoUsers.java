package io.closeloop.crm.demo;

import io.closeloop.crm.rep.RepRole;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed users of the demo book: one admin, and three teams of a manager and four reps.
 * Documented in {@code crm/README.md}; printed by the launcher and logged after loading.
 */
public final class DemoUsers {

    public static final String ADMIN_PASSWORD = "closeloop-admin";
    /** Shared by every manager and rep of the demo. */
    public static final String DEMO_PASSWORD = "closeloop-demo";

    public static final String ENTERPRISE = "Enterprise";
    public static final String COMMERCIAL = "Commercial";
    public static final String EMEA = "EMEA";
    /** Enterprise sells to large North American accounts, Commercial to smaller ones, EMEA in Europe. */
    public static final List<String> TEAMS = List.of(ENTERPRISE, COMMERCIAL, EMEA);

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", ADMIN_PASSWORD, "Sam Admin", RepRole.ADMIN, null, null, pct(0)),
            manager("maria", "Maria Chen", ENTERPRISE),
            rep("james", "James Okafor", ENTERPRISE, "maria", 15),
            rep("sofia", "Sofia Reyes", ENTERPRISE, "maria", 12),
            rep("david", "David Kim", ENTERPRISE, "maria", 12),
            rep("emily", "Emily Novak", ENTERPRISE, "maria", 10),
            manager("robert", "Robert Hughes", COMMERCIAL),
            rep("aisha", "Aisha Patel", COMMERCIAL, "robert", 12),
            rep("lucas", "Lucas Moreau", COMMERCIAL, "robert", 10),
            rep("hannah", "Hannah Brooks", COMMERCIAL, "robert", 15),
            rep("omar", "Omar Haddad", COMMERCIAL, "robert", 10),
            manager("claire", "Claire Dubois", EMEA),
            rep("jonas", "Jonas Lindqvist", EMEA, "claire", 12),
            rep("giulia", "Giulia Romano", EMEA, "claire", 15),
            rep("pieter", "Pieter de Vries", EMEA, "claire", 10),
            rep("anna", "Anna Kowalska", EMEA, "claire", 12));

    private DemoUsers() {
    }

    /** The reps (role REP) of a team, in a fixed order. */
    public static List<DemoUser> repsOf(String team) {
        return ALL.stream().filter(u -> u.role() == RepRole.REP && team.equals(u.team())).toList();
    }

    public static DemoUser named(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    /** One line per user (username, password, role, team) under a heading, for logs and the launcher. */
    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-16s %-8s %-11s %s", "username", "password", "role", "team", "name"));
        for (DemoUser u : ALL) {
            lines.add(String.format("%-8s %-16s %-8s %-11s %s", u.username(), u.password(), u.role(),
                    u.team() == null ? "-" : u.team(), u.fullName()));
        }
        return lines;
    }

    private static DemoUser manager(String username, String fullName, String team) {
        return new DemoUser(username, DEMO_PASSWORD, fullName, RepRole.MANAGER, team, null, pct(25));
    }

    private static DemoUser rep(String username, String fullName, String team, String manager, int authority) {
        return new DemoUser(username, DEMO_PASSWORD, fullName, RepRole.REP, team, manager, pct(authority));
    }

    private static BigDecimal pct(int value) {
        return BigDecimal.valueOf(value).setScale(2);
    }
}
