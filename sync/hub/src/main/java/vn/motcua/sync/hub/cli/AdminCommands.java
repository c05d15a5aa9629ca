package vn.motcua.sync.hub.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.motcua.sync.hub.Hub;
import vn.motcua.sync.hub.service.Counters;
import vn.motcua.sync.hub.service.Staff;

/** IT staff's commands: counters' enrolment codes and revocation, the counter list, staff accounts. */
final class AdminCommands {
    private AdminCommands() {
    }

    @Command(name = "enrol", description = "Create a single-use enrolment code for a named counter (prints it).")
    static final class Enrol implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @Option(names = "--counter", required = true, paramLabel = "NAME", description = "The counter's name, e.g. \"UBND xã Tân Lập - quầy 1\".")
        String counter;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Hub hub = options.open()) {
                Counters.EnrolmentCode code = hub.counters().createEnrolmentCode(counter, "cli:" + System.getProperty("user.name"));
                PrintWriter out = spec.commandLine().getOut();
                options.print(out, code, () -> {
                    out.println(code.code());
                    out.printf("counter %s · valid until %s · single use%n", code.counterName(), code.expiresAt());
                });
                return 0;
            }
        }
    }

    @Command(name = "revoke", description = "Refuse a counter's credential from now on (its dossiers stay).")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @Option(names = "--counter", required = true, paramLabel = "NAME")
        String counter;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Hub hub = options.open()) {
                boolean revoked = hub.counters().revoke(counter, "cli:" + System.getProperty("user.name"));
                PrintWriter out = spec.commandLine().getOut();
                options.print(out, Map.of("counter", counter, "revoked", revoked), () ->
                        out.println(revoked ? "revoked: " + counter : "no active counter named " + counter));
                return revoked ? 0 : 1;
            }
        }
    }

    @Command(name = "counters", description = "List the counters with their last contact.")
    static final class CountersList implements Callable<Integer> {
        @Mixin
        HubOptions options;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Hub hub = options.open()) {
                var counters = hub.counters().list();
                PrintWriter out = spec.commandLine().getOut();
                options.print(out, counters, () -> counters.forEach(c -> out.printf("%-40s %-8s last seen %-26s %d dossiers%n",
                        c.name(), c.revoked() ? "revoked" : "active", c.lastSeenAt() == null ? "never" : c.lastSeenAt(), c.dossiers())));
                return 0;
            }
        }
    }

    @Command(name = "staff", description = "Staff accounts of the web page.", subcommands = StaffCommand.Add.class)
    static final class StaffCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", description = "Add an account; the password is asked for (or read from standard input with --password-stdin).")
        static final class Add implements Callable<Integer> {
            @Mixin
            HubOptions options;
            @Parameters(paramLabel = "LOGIN", description = "3–40 of a–z, 0–9, '.', '_', '-'.")
            String login;
            @Option(names = "--role", required = true, description = "officer (processing department) or admin (IT).")
            String role;
            @Option(names = "--name", description = "Name shown on the page and in dossier histories.")
            String displayName;
            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws Exception {
                Staff.Role r = switch (role) {
                    case "officer" -> Staff.Role.OFFICER;
                    case "admin" -> Staff.Role.ADMIN;
                    default -> throw new CommandLine.ParameterException(spec.commandLine(), "--role is officer or admin");
                };
                char[] password = readPassword();
                try (Hub hub = options.open()) {
                    hub.staff().add(login, displayName, r, password);
                }
                PrintWriter out = spec.commandLine().getOut();
                options.print(out, Map.of("login", login, "role", role), () -> out.println("account added: " + login + " (" + role + ")"));
                return 0;
            }

            private char[] readPassword() throws java.io.IOException {
                if (!passwordStdin && System.console() != null) {
                    char[] first = System.console().readPassword("Password (at least %d characters): ", Staff.MIN_PASSWORD);
                    char[] again = System.console().readPassword("Again: ");
                    if (!java.util.Arrays.equals(first, again)) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "the two passwords differ");
                    }
                    return first;
                }
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? new char[0] : line.toCharArray();
            }
        }
    }
}
