package vn.motcua.sync.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A USB package ({@code *.mcpkg}): the dossiers a counter could not send, carried on a drive. It is a zip
 * ({@code package.json}, {@code manifests/CODE-rREVISION.json}, {@code files/SHA256}) inside a CMS SignedData
 * signed by the counter's key (signer named by {@link Keys#keyId}), inside a CMS EnvelopedData encrypted to the
 * hub's key (ECDH P-256 with the SHA-256 KDF, AES-256 key wrap, AES-256-CBC content; RFC 5652 / RFC 5753).
 * Sign-then-encrypt: only the hub can read it, and the hub knows which enrolled counter wrote it and that nothing
 * changed. Both directions stream, so a package of a few gigabytes never sits in memory.
 */
public final class UsbPackage {
    public static final String EXTENSION = ".mcpkg";
    static final String HEADER_ENTRY = "package.json";
    private static final Pattern MANIFEST_ENTRY = Pattern.compile("manifests/(.+)-r([0-9]{1,7})\\.json");
    private static final Pattern FILE_ENTRY = Pattern.compile("files/([0-9a-f]{64})");

    private UsbPackage() {
    }

    /** Who wrote the package and when; {@code packageId} is a fresh UUID that the receipt names. */
    public record Header(String packageId, String counterId, OffsetDateTime createdAt) {
    }

    /** A manifest as it lies in the package, still unparsed so that a broken one is refused alone. */
    public record ManifestEntry(String code, int revision, byte[] json) {
    }

    /** Finds an enrolled counter's public key by its key id; null when no counter has it. */
    @FunctionalInterface
    public interface SignerKeys {
        PublicKey find(byte[] keyId);
    }

    public static Writer write(OutputStream out, KeyPair counterKey, PublicKey hubKey, Header header) throws IOException {
        return new Writer(out, counterKey, hubKey, header);
    }

    /** Writes entries in order; {@link #close()} finishes the signature and the encryption (it does not close the stream below). */
    public static final class Writer implements Closeable {
        private final OutputStream encrypted;
        private final OutputStream signed;
        private final ZipOutputStream zip;

        private Writer(OutputStream out, KeyPair counterKey, PublicKey hubKey, Header header) throws IOException {
            try {
                KeyPair ephemeral = Keys.generate();
                CMSEnvelopedDataStreamGenerator envelope = new CMSEnvelopedDataStreamGenerator();
                envelope.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .addRecipient(Keys.keyId(hubKey), hubKey).setProvider(Keys.bc()));
                encrypted = envelope.open(new NonClosing(out),
                        new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(Keys.bc()).build());
                CMSSignedDataStreamGenerator signer = new CMSSignedDataStreamGenerator();
                signer.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().setProvider(Keys.bc()).build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Keys.bc())
                                .build(counterKey.getPrivate()), Keys.keyId(counterKey.getPublic())));
                signed = signer.open(encrypted, true);
            } catch (CMSException | OperatorCreationException | java.security.GeneralSecurityException e) {
                throw new IOException("cannot set up the package's signature and encryption", e);
            }
            zip = new ZipOutputStream(signed);
            zip.setLevel(Deflater.BEST_SPEED); // scans are JPEG/PDF already: little to gain, much CPU to lose
            entry(HEADER_ENTRY, WireJson.write(header));
        }

        public void addManifest(DossierManifest manifest) throws IOException {
            entry("manifests/" + manifest.code() + "-r" + manifest.revision() + ".json", WireJson.write(manifest));
        }

        public void addFile(String sha256, InputStream content) throws IOException {
            if (!Sha256.isValid(sha256)) {
                throw new IllegalArgumentException("not a SHA-256");
            }
            zip.putNextEntry(new ZipEntry("files/" + sha256));
            content.transferTo(zip);
            zip.closeEntry();
        }

        private void entry(String name, byte[] data) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(data);
            zip.closeEntry();
        }

        @Override
        public void close() throws IOException {
            zip.finish();
            signed.close();
            encrypted.close();
        }
    }

    /**
     * Decrypts with the hub's key into a temporary zip in {@code workDir}, checks the signature against the
     * counter found by {@code signers}, and only then lets the entries be read. Any doubt refuses the whole package.
     */
    public static Opened open(InputStream in, PrivateKey hubKey, PublicKey hubPublic, SignerKeys signers, Path workDir)
            throws IOException, PackageException {
        Path zipFile = Files.createTempFile(workDir, "package-", ".zip");
        try {
            byte[] signerId = decryptAndVerify(in, hubKey, hubPublic, signers, zipFile);
            return new Opened(zipFile, signerId);
        } catch (IOException | PackageException | RuntimeException e) {
            Files.deleteIfExists(zipFile);
            throw e;
        }
    }

    private static byte[] decryptAndVerify(InputStream in, PrivateKey hubKey, PublicKey hubPublic, SignerKeys signers,
                                           Path zipFile) throws IOException, PackageException {
        try {
            CMSEnvelopedDataParser envelope = new CMSEnvelopedDataParser(in);
            RecipientInformation recipient = envelope.getRecipientInfos().get(new KeyAgreeRecipientId(Keys.keyId(hubPublic)));
            if (recipient == null) {
                throw new PackageException(PackageException.NOT_FOR_THIS_HUB, "the package is encrypted to another hub's key");
            }
            CMSTypedStream content = recipient.getContentStream(new JceKeyAgreeEnvelopedRecipient(hubKey).setProvider(Keys.bc()));
            CMSSignedDataParser signed = new CMSSignedDataParser(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Keys.bc()).build(), content.getContentStream());
            try (InputStream body = signed.getSignedContent().getContentStream()) {
                Files.copy(body, zipFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Collection<SignerInformation> infos = signed.getSignerInfos().getSigners();
            if (infos.size() != 1) {
                throw new PackageException(PackageException.BAD_SIGNATURE, "a package has exactly one signer");
            }
            SignerInformation info = infos.iterator().next();
            byte[] keyId = info.getSID().getSubjectKeyIdentifier();
            PublicKey counterKey = keyId == null ? null : signers.find(keyId);
            if (counterKey == null) {
                throw new PackageException(PackageException.UNKNOWN_SIGNER, "signed by a key no enrolled counter holds");
            }
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Keys.bc()).build(counterKey))) {
                throw new PackageException(PackageException.BAD_SIGNATURE, "the signature does not match the content");
            }
            return keyId;
        } catch (CMSSignerDigestMismatchException e) {
            throw new PackageException(PackageException.BAD_SIGNATURE, "the content was changed after signing", e);
        } catch (CMSException | OperatorCreationException | IllegalArgumentException | ClassCastException e) {
            throw new PackageException(PackageException.NOT_A_PACKAGE, "not a readable package", e);
        }
    }

    /** A package whose signature holds; entries are read from the decrypted temporary zip, deleted on close. */
    public static final class Opened implements Closeable {
        private final Path zipPath;
        private final ZipFile zip;
        private final byte[] signerKeyId;
        private final Header header;
        private final List<ManifestEntry> manifests = new ArrayList<>();

        private Opened(Path zipPath, byte[] signerKeyId) throws IOException, PackageException {
            this.zipPath = zipPath;
            this.signerKeyId = signerKeyId;
            try {
                this.zip = new ZipFile(zipPath.toFile());
            } catch (IOException e) {
                throw new PackageException(PackageException.NOT_A_PACKAGE, "the signed content is not a zip", e);
            }
            try {
                this.header = readHeader();
                listManifests();
            } catch (IOException | PackageException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        private Header readHeader() throws IOException, PackageException {
            ZipEntry entry = zip.getEntry(HEADER_ENTRY);
            if (entry == null) {
                throw new PackageException(PackageException.NOT_A_PACKAGE, "no package.json");
            }
            try {
                return WireJson.read(readLimited(entry), Header.class);
            } catch (WireFormatException e) {
                throw new PackageException(PackageException.NOT_A_PACKAGE, "package.json: " + e.getMessage());
            }
        }

        private void listManifests() throws IOException, PackageException {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                Matcher m = MANIFEST_ENTRY.matcher(name);
                if (m.matches()) {
                    manifests.add(new ManifestEntry(m.group(1), Integer.parseInt(m.group(2)), readLimited(entry)));
                } else if (!name.equals(HEADER_ENTRY) && !FILE_ENTRY.matcher(name).matches()) {
                    throw new PackageException(PackageException.NOT_A_PACKAGE, "unexpected entry in the package");
                }
            }
        }

        private byte[] readLimited(ZipEntry entry) throws IOException {
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] data = in.readNBytes(WireJson.MAX_MANIFEST_BYTES + 1);
                if (data.length > WireJson.MAX_MANIFEST_BYTES) {
                    return new byte[WireJson.MAX_MANIFEST_BYTES + 1]; // the reader refuses it as too large
                }
                return data;
            }
        }

        public Header header() {
            return header;
        }

        public byte[] signerKeyId() {
            return signerKeyId.clone();
        }

        public List<ManifestEntry> manifests() {
            return List.copyOf(manifests);
        }

        /** The file's bytes as packed (the reader checks them against the SHA-256), or null when the package lacks it. */
        public InputStream openFile(String sha256) throws IOException {
            ZipEntry entry = Sha256.isValid(sha256) ? zip.getEntry("files/" + sha256) : null;
            return entry == null ? null : zip.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            try {
                zip.close();
            } finally {
                Files.deleteIfExists(zipPath);
            }
        }
    }

    /** Lets the CMS generators close their own streams without closing the caller's. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
