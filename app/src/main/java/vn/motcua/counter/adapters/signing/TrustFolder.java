package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.TrustAnchors;

/**
 * Trust anchors as files in a folder that IT staff fill ({@code signing.trust.dir}): PEM or DER certificates named
 * {@code *.pem}, {@code *.crt}, {@code *.cer} or {@code *.der}; a missing folder is an empty trust store.
 */
public final class TrustFolder implements TrustAnchors {

    private final Path folder;

    public TrustFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<X509Certificate> load(List<Path> extraFiles) {
        List<X509Certificate> anchors = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(TrustFolder::isCertificateFile).sorted().toList()) {
                    anchors.addAll(read(file));
                }
            } catch (IOException e) {
                throw new CounterException("verify.bad_trust_file", e, folder.toString());
            }
        }
        for (Path file : extraFiles) {
            anchors.addAll(read(file));
        }
        return anchors;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file)
                && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der"));
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new CounterException("verify.bad_trust_file", file.toString());
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new CounterException("verify.bad_trust_file", e, file.toString());
        }
    }
}
