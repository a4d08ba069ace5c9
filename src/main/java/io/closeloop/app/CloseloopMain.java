package io.closeloop.app;

import io.closeloop.kernel.cli.Command;
import io.closeloop.kernel.cli.Commands;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

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
        Commands commands = Arc.container().instance(Commands.class).get();
        // A name may have several words (e.g. "classifier retrain"); the longest that starts the line wins.
        Command chosen = null;
        int words = 0;
        for (Command command : commands.all()) {
            String[] name = command.name().split(" ");
            if (name.length > words && name.length <= args.length && Arrays.equals(name, Arrays.copyOf(args, name.length))) {
                chosen = command;
                words = name.length;
            }
        }
        if (chosen != null) {
            return chosen.run(Arrays.copyOfRange(args, words, args.length));
        }
        System.err.println("Unknown command '" + args[0] + "'. Commands:");
        commands.all().forEach(c -> System.err.printf("  %-12s %s%n", c.name(), c.summary()));
        return 64;
    }
}
