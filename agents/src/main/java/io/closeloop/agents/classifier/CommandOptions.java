package io.closeloop.agents.classifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --key value} options of a command line, checked against the keys a subcommand accepts. */
final class CommandOptions {

    /** A command line that cannot be run; the message says what to fix. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private CommandOptions(Map<String, String> values) {
        this.values = values;
    }

    static CommandOptions parse(List<String> args, Set<String> accepted, Set<String> required) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            String value = null;
            int equals = key.indexOf('=');
            if (equals >= 0) {
                value = key.substring(equals + 1);
                key = key.substring(0, equals);
            }
            if (!accepted.contains(key)) {
                throw new UsageException("unknown option --" + key + " (accepted: --" + String.join(", --", accepted.stream().sorted().toList()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option --" + key + " needs a value");
                }
                value = args.get(++i);
            }
            if (value.isBlank()) {
                throw new UsageException("option --" + key + " needs a value");
            }
            if (values.put(key, value) != null) {
                throw new UsageException("option --" + key + " is given twice");
            }
        }
        for (String key : required.stream().sorted().toList()) {
            if (!values.containsKey(key)) {
                throw new UsageException("missing required option --" + key);
            }
        }
        return new CommandOptions(values);
    }

    /** Options from one key and value (none when the value is null). */
    static CommandOptions of(String key, String value) {
        Map<String, String> values = new HashMap<>();
        if (value != null) {
            values.put(key, value);
        }
        return new CommandOptions(values);
    }

    String get(String key) {
        return values.get(key);
    }

    Integer integer(String key) throws UsageException {
        String value = values.get(key);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + key + " must be a positive whole number, not '" + value + "'");
        }
    }
}
