package vn.motcua.counter.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seen in CI: with {@code /var/lib/motcua/keys} as the default key folder, an installed counter run by a clerk's
 * account refused to start, since nothing creates that folder for the account. The default is the account's own
 * configuration folder, never inside the data folder.
 */
class KeyFolderDefaultTest {

    @Test
    void withoutAKeyFolderSetTheKeyFileGoesToTheAccountsConfigurationOutsideTheDataFolder() {
        String surefire = System.clearProperty("motcua." + Settings.SECURITY_KEY_DIR);
        try {
            Path folder = DataProtection.keyFolder(Settings.of(Map.of()));
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".config");
            assertThat(folder).isEqualTo(config.resolve("motcua-counter").resolve("keys"));
            assertThat(folder.startsWith(Settings.defaultDataDirectory())).isFalse();
            assertThat(DataProtection.keyFolder(Settings.of(Map.of(Settings.SECURITY_KEY_DIR, "/srv/keys"))))
                    .isEqualTo(Path.of("/srv/keys"));
        } finally {
            if (surefire != null) {
                System.setProperty("motcua." + Settings.SECURITY_KEY_DIR, surefire);
            }
        }
    }
}
