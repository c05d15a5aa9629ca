import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Prints SHA-256 sums (sha256sum is not on every build machine, e.g. a Windows runner):
 *   java Sha256.java FILE             the file's sum, lower-case hex
 *   java Sha256.java --list FILE...   "SUM  FILE" lines, sha256sum's format (sha256sum -c reads them)
 */
public final class Sha256 {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--list")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(sum(Path.of(args[i])) + "  " + args[i].replace('\\', '/'));
            }
        } else {
            System.out.println(sum(Path.of(args[0])));
        }
    }

    static String sum(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
