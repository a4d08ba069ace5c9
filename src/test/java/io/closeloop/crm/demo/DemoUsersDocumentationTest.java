package io.closeloop.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What `./closeloop run` prints and crm/README.md documents are the real demo users. */
class DemoUsersDocumentationTest {

    @Test
    void launcherPrintsEveryDemoUserWithPasswordRoleAndTeam() throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "source <(sed -n '/^demo_users()/,/^}/p' closeloop) && demo_users")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        for (DemoUser user : DemoUsers.ALL) {
            assertThat(lines).as("a printed line for " + user.username())
                    .anySatisfy(line -> assertThat(line)
                            .containsPattern("\\b" + user.username() + "\\b")
                            .contains(user.password())
                            .contains(user.role().name())
                            .contains(user.team() == null ? "–" : user.team()));
        }
    }

    @Test
    void readmeTableListsNoUserThatDoesNotExist() throws Exception {
        String readme = Files.readString(Path.of("crm/README.md"));
        String table = readme.substring(readme.indexOf("| username | password |"));
        table = table.substring(0, table.indexOf("\n\n"));
        var known = DemoUsers.ALL.stream().map(DemoUser::username).toList();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("`([a-z]+)`").matcher(table);
        while (names.find()) {
            String name = names.group(1);
            if (!name.startsWith("closeloop")) {
                assertThat(known).contains(name);
            }
        }
    }
}
