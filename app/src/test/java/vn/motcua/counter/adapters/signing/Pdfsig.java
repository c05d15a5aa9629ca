package vn.motcua.counter.adapters.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** poppler's {@code pdfsig}, with the test root trusted in an NSS database made for the test. */
public final class Pdfsig {

    private final Path nssDir;

    private Pdfsig(Path nssDir) {
        this.nssDir = nssDir;
    }

    public static Pdfsig trusting(X509Certificate root, Path dir) throws Exception {
        Path nss = Files.createDirectories(dir.resolve("nss"));
        run(60, "certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        Path pem = TestPki.writePem(dir.resolve("root.pem"), root);
        run(60, "certutil", "-A", "-d", "sql:" + nss, "-n", "motcua-test-root", "-t", "CT,C,C", "-a", "-i",
                pem.toString());
        return new Pdfsig(nss);
    }

    public String check(Path pdf) throws Exception {
        return run(60, "pdfsig", "-nssdir", "sql:" + nssDir, pdf.toString());
    }

    static String run(int seconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return output;
    }
}
