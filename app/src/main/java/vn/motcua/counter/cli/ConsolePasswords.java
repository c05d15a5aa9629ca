package vn.motcua.counter.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Function;
import vn.motcua.counter.application.CounterException;

/**
 * Passwords for the command line: {@code MOTCUA_PASSWORD} (and {@code MOTCUA_NEW_PASSWORD} for a new one) from the
 * environment, which is what scripts use, else typed on the console without echo. Never an option on the command
 * line: other users of the PC could read it from the process list.
 */
final class ConsolePasswords implements SignedInAccess.Passwords {

    static final String PASSWORD = "MOTCUA_PASSWORD";
    static final String NEW_PASSWORD = "MOTCUA_NEW_PASSWORD";

    private final Function<String, String> environment;

    ConsolePasswords(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public char[] password(String account) {
        String given = environment.apply(PASSWORD);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        char[] typed = console().readPassword("Mật khẩu / password (%s): ", account);
        return typed == null ? new char[0] : typed;
    }

    @Override
    public char[] newPassword(String account) {
        String given = environment.apply(NEW_PASSWORD);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Console console = console();
        char[] first = console.readPassword("Mật khẩu mới / new password (%s): ", account);
        char[] again = console.readPassword("Nhập lại / repeat: ");
        if (first == null || !Arrays.equals(first, again)) {
            throw new CounterException("access.passwords_differ");
        }
        return first;
    }

    private static Console console() {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {   // a script without MOTCUA_PASSWORD: no silent hang
            throw new CounterException("access.no_console");
        }
        return console;
    }
}
