import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Prints a file's SHA-256 in lower-case hex (sha256sum is not on every build machine, e.g. a Windows runner). */
public final class Sha256 {
    public static void main(String[] args) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        System.out.println(HexFormat.of().formatHex(digest.digest()));
    }
}
