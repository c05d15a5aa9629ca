package vn.motcua.scanner.sane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * User names and passwords for a saned that protects its scanners ({@code saned.users}), read from a file in the
 * format scanimage and xsane read from {@code ~/.sane/pass}: one {@code user:password:resource} line per resource,
 * so IT staff can reuse a file that already works with scanimage. The resource is saned's backend name as scanimage
 * sees it through the net backend ({@code net:HOST:test}, the port added after HOST when it is not 6566) or the
 * bare backend name ({@code test}) for any host. The file is read when saned asks, so a corrected file takes effect
 * at the next scan. Like scanimage, a file that others may read is ignored. Passwords never leave this class
 * except as saned's answer (see {@link SaneConnection}); {@link Credential#toString()} leaves them out.
 *
 * @param file the password file; null for none
 */
public record SaneCredentials(Path file) {

    /** saned copies the user and the password into 128-byte buffers (SANE_MAX_USERNAME_LEN/PASSWORD_LEN). */
    static final int MAX_LENGTH = 127;
    private static final Set<PosixFilePermission> PRIVATE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    /** No file: a protected scanner is refused with {@link vn.motcua.scanner.ScanError#ACCESS_DENIED}. */
    public static SaneCredentials none() {
        return new SaneCredentials(null);
    }

    /** Credentials from this file; it need not exist yet. */
    public static SaneCredentials fromFile(Path file) {
        return new SaneCredentials(file);
    }

    /** scanimage's file, {@code ~/.sane/pass}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".sane", "pass");
    }

    /** A user and password for one resource. */
    record Credential(String user, byte[] password) {
        @Override
        public String toString() {
            return "Credential[user=" + user + "]";
        }
    }

    /** The credential for a resource, or why there is none (words for logs and errors, never the password). */
    record Lookup(Optional<Credential> credential, String explanation) {
    }

    /** @param resource what saned asks about, without its {@code $MD5$} salt (the backend name) */
    Lookup find(SaneHost host, String resource) {
        List<String> names = List.of("net:" + host.idForm() + ":" + resource, resource);
        if (file == null) {
            return missing("no SANE password file is configured");
        }
        if (!Files.isRegularFile(file)) {
            return missing("no password file " + file);
        }
        try {
            if (readableByOthers(file)) {
                return missing(file + " may be read by other users and is ignored (chmod 600 it, as scanimage asks)");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String name : names) {
                for (String line : lines) {
                    Optional<Credential> credential = parse(line, name);
                    if (credential.isPresent()) {
                        return new Lookup(credential, "as user '" + credential.get().user() + "' (" + file
                                + ", resource " + name + ")");
                    }
                }
            }
            return missing("no line for " + String.join(" or ", names) + " in " + file
                    + " (user and password of at most " + MAX_LENGTH + " bytes each)");
        } catch (IOException e) {
            return missing("cannot read " + file + " (" + e + ")");
        }
    }

    private static Lookup missing(String why) {
        return new Lookup(Optional.empty(), "without credentials: " + why);
    }

    /** scanimage's reading: the user ends at the first colon, the password at the second, the rest is the resource. */
    private static Optional<Credential> parse(String line, String resource) {
        int first = line.indexOf(':');
        int second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0 || !line.substring(second + 1).strip().equals(resource)) {
            return Optional.empty();
        }
        String user = line.substring(0, first);
        byte[] password = line.substring(first + 1, second).getBytes(StandardCharsets.UTF_8);
        if (user.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH || password.length > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new Credential(user, password));
    }

    private static boolean readableByOthers(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return posix != null && !PRIVATE.containsAll(posix.readAttributes().permissions());
    }
}
