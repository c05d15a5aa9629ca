package vn.motcua.counter.ui.access;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.FailureLog;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.application.access.AccountService;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The screen before home (decision 1301): the first administrator on a data folder without accounts, else signing
 * in by name and password, then a new password when the one given was set by someone else. Hashing runs in the
 * background; the password fields are cleared after each try.
 */
public final class SignInViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInViewModel.class);

    public enum Mode { FIRST_RUN, SIGN_IN, CHANGE_PASSWORD }

    private final AccountService accounts;
    private final Messages messages;
    private final UiExecutors executors;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    /** The first administrator's full name, printed on papers (first run only). */
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The password just given, kept only while a new one is chosen. */
    private char[] current;

    public SignInViewModel(AccountService accounts, Messages messages, UiExecutors executors) {
        this.accounts = accounts;
        this.messages = messages;
        this.executors = executors;
        mode.set(accounts.settingUp() ? Mode.FIRST_RUN : Mode.SIGN_IN);
    }

    /** Submits the screen (Enter); {@code signedIn} runs once someone may work. */
    public void submit(Runnable signedIn) {
        if (busy.get()) {
            return;
        }
        char[] typed = password.get().toCharArray();
        Mode now = mode.get();
        if (now != Mode.SIGN_IN && !password.get().equals(repeat.get())) {
            fail(new CounterException("access.passwords_differ"));
            return;
        }
        String who = name.get();
        String fullName = displayName.get();
        busy.set(true);
        message.set("");
        executors.run(() -> switch (now) {
            case FIRST_RUN -> accounts.createFirstAdministrator(who, fullName, typed);
            case SIGN_IN -> accounts.signIn(who, typed);
            case CHANGE_PASSWORD -> accounts.changePassword(current, typed);
        }, account -> done(account, typed, signedIn), this::fail);
    }

    private void done(Account account, char[] typed, Runnable signedIn) {
        busy.set(false);
        password.set("");
        repeat.set("");
        if (account.mustChangePassword()) {
            current = typed;
            mode.set(Mode.CHANGE_PASSWORD);
            return;
        }
        if (current != null) {
            java.util.Arrays.fill(current, '\0');
            current = null;
        }
        signedIn.run();
    }

    private void fail(Throwable failure) {
        busy.set(false);
        password.set("");
        repeat.set("");
        if (!(failure instanceof CounterException)) {
            FailureLog.log(LOG, "signing in", failure);
        }
        message.set(messages.describe(failure));
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
