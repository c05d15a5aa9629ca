package vn.motcua.counter.ui.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.motcua.counter.application.access.AccountService;
import vn.motcua.counter.i18n.Messages;
import vn.motcua.counter.ui.UiExecutors;

/**
 * The idle lock (decision 1301, {@code access.idle_lock_minutes}): after that long without a key or mouse event the
 * window covers its work and asks the same clerk's password; nothing under the cover changes, so the form and its
 * pages are there again after the unlock. Time is read from the counter's clock at each {@link #check()}, which the
 * window calls every second (tests move the clock instead of waiting).
 */
public final class IdleLockViewModel {

    private final AccountService accounts;
    private final Clock clock;
    private final Duration idle;
    private final Messages messages;
    private final UiExecutors executors;
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private volatile Instant lastActivity;

    public IdleLockViewModel(AccountService accounts, Clock clock, Messages messages, UiExecutors executors) {
        this.accounts = accounts;
        this.clock = clock;
        this.idle = accounts.idleLock();
        this.messages = messages;
        this.executors = executors;
        this.lastActivity = clock.instant();
    }

    /** A key or mouse event: the idle time starts again (not while locked: only the unlock counts then). */
    public void touch() {
        if (!locked.get()) {
            lastActivity = clock.instant();
        }
    }

    /** Locks when the idle time has passed; never when it is zero. */
    public void check() {
        if (!locked.get() && !idle.isZero() && !clock.instant().isBefore(lastActivity.plus(idle))) {
            lock();
        }
    }

    public void lock() {
        password.set("");
        message.set("");
        locked.set(true);
    }

    /** Checks the password of the clerk signed in (with the lockout) and, when right, uncovers the work. */
    public void unlock() {
        if (busy.get() || !locked.get()) {
            return;
        }
        char[] typed = password.get().toCharArray();
        busy.set(true);
        executors.run(() -> {
            accounts.unlock(typed);
            return true;
        }, ok -> {
            busy.set(false);
            password.set("");
            message.set("");
            locked.set(false);
            lastActivity = clock.instant();
        }, failure -> {
            busy.set(false);
            password.set("");
            message.set(messages.describe(failure));
        });
    }

    /** The name of the clerk who may unlock. */
    public String clerk() {
        return accounts.session().account().map(a -> a.name()).orElse("");
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked;
    }

    public boolean locked() {
        return locked.get();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
