package vn.motcua.counter.adapters.signing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.application.port.SigningKeys;

/** A test PKI with its TSA, OCSP and CRL server on loopback, the agency's key as a PKCS#12 file, and our signer. */
public final class SigningPeers implements AutoCloseable {

    public static final char[] PIN = "123456".toCharArray();

    public final TestPkiServer server;
    public final TestPki pki;
    public final Path p12;

    private SigningPeers(TestPkiServer server, TestPki pki, Path p12) {
        this.server = server;
        this.pki = pki;
        this.p12 = p12;
    }

    public static SigningPeers start(Path dir) throws Exception {
        TestPkiServer server = TestPkiServer.start();
        TestPki pki = new TestPki(server.base());
        server.serve(pki);
        return new SigningPeers(server, pki, pki.writePkcs12(dir.resolve("agency.p12"), PIN));
    }

    /** The agency's key, unlocked; close it after. */
    public SigningKey key() {
        return new KeyStoreSigningKeys().unlock(new SigningKeys.Pkcs12File(p12), PIN.clone());
    }

    /** Our signer with the loopback TSA. */
    public PadesCopySigner signer() {
        return new PadesCopySigner(URI.create(server.tsaUrl()), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        server.close();
    }
}
