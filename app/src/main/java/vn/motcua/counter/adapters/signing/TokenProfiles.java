package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.SigningKeys.Pkcs11Token;

/**
 * The CA token profiles (driver library per system) that IT staff provision, read from the bundled template
 * ({@code signing/pkcs11-profiles.properties}) or from their edited copy, and SunPKCS11 configurations built from
 * a profile or read from a configuration file.
 */
public final class TokenProfiles {

    private static final String TEMPLATE = "/signing/pkcs11-profiles.properties";

    private final Properties profiles;

    private TokenProfiles(Properties profiles) {
        this.profiles = profiles;
    }

    /** The edited copy when given, else the bundled template. */
    public static TokenProfiles load(Path file) {
        Properties properties = new Properties();
        try {
            if (file != null) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } else {
                try (InputStream in = TokenProfiles.class.getResourceAsStream(TEMPLATE)) {
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new CounterException("signing.profiles_unreadable", e, String.valueOf(file));
        }
        return new TokenProfiles(properties);
    }

    /** The profile ids, e.g. {@code vnpt-ca}. */
    public List<String> ids() {
        TreeSet<String> ids = new TreeSet<>();
        profiles.stringPropertyNames().forEach(k -> ids.add(k.substring(0, k.indexOf('.'))));
        return List.copyOf(ids);
    }

    /** Whether IT staff (or the template) marked the profile's driver paths as checked on a real token. */
    public boolean confirmed(String id) {
        return "yes".equalsIgnoreCase(profiles.getProperty(id + ".confirmed", "no").strip());
    }

    /**
     * The token of profile {@code id} on this system, its driver at {@code library} when given (IT staff's
     * override) or where the profile says.
     */
    public Pkcs11Token token(String id, Path library) {
        String name = profiles.getProperty(id + ".name");
        if (name == null) {
            throw new CounterException("signing.unknown_profile", id, String.join(", ", ids()));
        }
        String system = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "windows" : "linux";
        String driver = library != null ? library.toString() : profiles.getProperty(id + "." + system, "").strip();
        return token(name, driver);
    }

    /** A token named {@code name} through the driver at {@code library}, first token found (slotListIndex 0). */
    public static Pkcs11Token token(String name, String library) {
        // SunPKCS11 wants a name without spaces; the first token present, as a counter has one plugged in
        String configuration = "name = Motcua" + name.replaceAll("[^A-Za-z0-9]", "") + "\n"
                + "library = " + library + "\n"
                + "slotListIndex = 0\n";
        return new Pkcs11Token(name, configuration);
    }

    /** A SunPKCS11 configuration file as IT staff wrote it ({@code sign --pkcs11 CONFIG}). */
    public static Pkcs11Token fromConfigFile(Path file) {
        try {
            String configuration = Files.readString(file, StandardCharsets.UTF_8);
            String name = configuration.lines().map(String::strip).filter(l -> l.startsWith("name"))
                    .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElse(file.getFileName().toString());
            return new Pkcs11Token(name, configuration);
        } catch (IOException e) {
            throw new CounterException("signing.no_key_file", e, file.toString());
        }
    }
}
