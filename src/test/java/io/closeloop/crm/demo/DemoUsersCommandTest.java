package io.closeloop.crm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./closeloop demo-users} prints every demo user with the password that logs them in. */
class DemoUsersCommandTest {

    @Test
    void printsEveryDemoUserWithTheirPasswordAndRole() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new DemoUsersCommand().run();
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(DemoUsers.ALL.size() + 1, lines.size());
        for (DemoUser user : DemoUsers.ALL) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(user.username() + " +" + user.password() + " +" + user.role() + " .*")),
                    user.username() + " in " + lines);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("admin ") && l.contains(DemoUsers.ADMIN_PASSWORD)));
    }
}
