package vn.motcua.counter.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import vn.motcua.counter.i18n.Messages;

/**
 * picocli's own refusals, said in the clerk's language: a value it cannot convert (never a {@code java.time} class
 * name and the parser's wording), an option that does not exist, a required one missing. Refusals the commands make
 * themselves are already in words and pass through. The usage follows, as picocli does.
 */
final class ParameterErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        Messages messages = Cli.messages(cli.getCommandSpec());
        cli.getErr().println(describe(ex, messages));
        cli.usage(cli.getErr());
        cli.getErr().flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(ParameterException ex, Messages messages) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return messages.text("cli.missing", missing.getMissing().stream().map(ParameterErrors::name)
                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return messages.text("cli.unknown", String.join(" ", unmatched.getUnmatched()));
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg == null || ex.getValue() == null || !ex.getMessage().startsWith("Invalid value for ")) {
            return ex.getMessage();   // a command's own refusal, in words already
        }
        if (arg.converters().length > 0) {   // a converter of ours, which says it in words
            for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
                if (t instanceof CommandLine.TypeConversionException own) {
                    return own.getMessage();
                }
            }
        }
        return messages.text("cli.bad_value", name(arg), ex.getValue(), expected(arg, messages));
    }

    private static String expected(ArgSpec arg, Messages messages) {
        Class<?> type = arg.type();
        if (type == LocalDate.class) {
            return messages.text("cli.expected.date");
        } else if (type == LocalDateTime.class) {
            return messages.text("cli.expected.date_time");
        } else if (type == Duration.class) {
            return messages.text("cli.expected.duration");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return messages.text("cli.expected.number");
        } else if (type == Path.class) {
            return messages.text("cli.expected.path");
        } else if (type.isEnum()) {
            return messages.text("cli.expected.one_of", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        return messages.text("cli.expected.other", arg.paramLabel());
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
