package vn.motcua.counter.bootstrap;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.counter.adapters.protection.Argon2idPasswords;
import vn.motcua.counter.adapters.store.Database;
import vn.motcua.counter.adapters.store.SqliteAccounts;
import vn.motcua.counter.application.access.AccountService;
import vn.motcua.counter.domain.access.LockoutPolicy;

/**
 * The accounts of an open counter (decision 1301): the store in its database, Argon2id hashes, the lockout, and the
 * first administrator from the provisioning file ({@code access.admin.name} with {@code access.admin.password}: an
 * Argon2id hash, or a one-time password to be changed at the first sign-in) when the data folder has no account.
 */
final class AccessSetup {

    private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

    private AccessSetup() {
    }

    /** Whether the database {@code file} has accounts, read on a connection of its own (no migration, no lock). */
    static boolean accountsExist(java.nio.file.Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return false;
        }
        return Database.readOnly(file, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'accounts'")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return false;
                }
            }
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1 FROM accounts LIMIT 1")) {
                return rs.next();
            }
        });
    }

    private static int idleMinutes(Settings settings) {
        try {
            return Math.max(0, Integer.parseInt(settings.get(Settings.ACCESS_IDLE_LOCK_MINUTES).orElse("10").strip()));
        } catch (NumberFormatException e) {
            throw new vn.motcua.counter.application.CounterException("settings.bad_value",
                    Settings.ACCESS_IDLE_LOCK_MINUTES, settings.get(Settings.ACCESS_IDLE_LOCK_MINUTES).orElse(""));
        }
    }

    static AccountService accounts(Database database, boolean forReading, Settings settings, Clock clock) {
        AccountService accounts = new AccountService(new SqliteAccounts(database, forReading), new Argon2idPasswords(),
                clock, LockoutPolicy.DEFAULT, java.time.Duration.ofMinutes(idleMinutes(settings)));
        var name = settings.get(Settings.ACCESS_ADMIN_NAME);
        var secret = settings.get(Settings.ACCESS_ADMIN_PASSWORD);
        if (accounts.settingUp() && name.isPresent() && secret.isPresent() && !forReading
                && accounts.provisionAdministrator(name.get(),
                        settings.get(Settings.ACCESS_ADMIN_DISPLAY_NAME).filter(v -> !v.isBlank()).orElse(null),
                        secret.get())) {
            LOG.info("first administrator made from the provisioning file");
        }
        return accounts;
    }
}
