package vn.motcua.counter.adapters.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.motcua.counter.application.port.SigningKeys.Pkcs11Token;

/**
 * A SoftHSM2 token made by the tests with {@code softhsm2-util} and {@code pkcs11-tool}: an RSA key generated on
 * the token, its certificate issued by the test PKI and written back with the same id, and the CA certificates
 * beside it (SunPKCS11 builds the chain from the token's certificates). One per test JVM: SoftHSM reads its
 * configuration ({@code SOFTHSM2_CONF}, set by surefire) once, when SunPKCS11 first loads it.
 */
public final class SoftHsmToken {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "123456";
    public static final String LABEL = "motcua";

    private static SoftHsmToken shared;

    public final Path config;
    public final X509Certificate certificate;
    public final TestPki pki;

    private SoftHsmToken(Path config, X509Certificate certificate, TestPki pki) {
        this.config = config;
        this.certificate = certificate;
        this.pki = pki;
    }

    /** The JVM's token, made on first use with a key certified by {@code pki}. */
    public static synchronized SoftHsmToken shared(TestPki pki) throws Exception {
        if (shared == null) {
            shared = create(Path.of(System.getenv("SOFTHSM2_CONF")), pki);
        }
        return shared;
    }

    public static boolean available() {
        return System.getenv("SOFTHSM2_CONF") != null && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"))
                && Files.isExecutable(Path.of("/usr/bin/pkcs11-tool")) && Files.exists(Path.of(LIBRARY));
    }

    /** Makes a fresh token in the folder of {@code config} (the folder is emptied first). */
    public static SoftHsmToken create(Path config, TestPki pki) throws Exception {
        Path dir = config.getParent();
        Path tokens = dir.resolve("tokens");
        if (Files.exists(tokens)) {
            try (var walk = Files.walk(tokens)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(config, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        Map<String, String> env = Map.of("SOFTHSM2_CONF", config.toString());
        run(env, "softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN, "--so-pin", "87654321");
        run(env, "pkcs11-tool", "--module", LIBRARY, "--login", "--pin", PIN, "--keypairgen", "--key-type", "rsa:2048",
                "--id", "01", "--label", "signer");
        Path publicKey = dir.resolve("signer-pub.der");
        run(env, "pkcs11-tool", "--module", LIBRARY, "--read-object", "--type", "pubkey", "--id", "01", "-o",
                publicKey.toString());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKey)));
        X509Certificate certificate = pki.issueSigner("UBND xã Thử Nghiệm (token)", key);
        write(env, dir, certificate, "01", "signer");
        write(env, dir, pki.intermediate.certificate(), "02", "intermediate");
        write(env, dir, pki.root.certificate(), "03", "root");
        return new SoftHsmToken(config, certificate, pki);
    }

    private static void write(Map<String, String> env, Path dir, X509Certificate certificate, String id, String label)
            throws Exception {
        Path der = Files.write(dir.resolve(label + ".der"), certificate.getEncoded());
        run(env, "pkcs11-tool", "--module", LIBRARY, "--login", "--pin", PIN, "--write-object", der.toString(),
                "--type", "cert", "--id", id, "--label", label);
    }

    public Pkcs11Token token() {
        return TokenProfiles.token("SoftHSM2", LIBRARY);
    }

    /** A SunPKCS11 configuration file for {@code sign --pkcs11}. */
    public Path configFile(Path dir) throws Exception {
        return Files.writeString(dir.resolve("softhsm.cfg"), token().configuration());
    }

    static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
