package io.closeloop.app;

import io.closeloop.kernel.cli.Command;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point: with no arguments, serve HTTP until stopped; with arguments, run the named
 * {@link Command} (e.g. {@code classifier train ...}) and exit with its code.
 */
@QuarkusMain
public class CloseloopMain implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(CloseloopMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.waitForExit();
            return 0;
        }
        List<Command> commands = Arc.container().select(Command.class).stream()
                .sorted(Comparator.comparing(Command::name)).toList();
        for (Command command : commands) {
            if (command.name().equals(args[0])) {
                return command.run(Arrays.copyOfRange(args, 1, args.length));
            }
        }
        System.err.println("Unknown command '" + args[0] + "'. Commands:");
        commands.forEach(c -> System.err.printf("  %-12s %s%n", c.name(), c.summary()));
        return 64;
    }
}
