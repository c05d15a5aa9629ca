package vn.motcua.counter.adapters.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI made fresh in every run: a root, an intermediate CA, an agency signer, a timestamp authority and an
 * OCSP responder, with random serial numbers (NSS caches by issuer and serial, and would mix runs up). The signer's
 * and TSA's certificates point at the {@link TestPkiServer} for OCSP, CRLs and their issuers.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record Entity(KeyPair keys, X509Certificate certificate) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    public final Entity root;
    public final Entity intermediate;
    public final Entity signer;
    public final Entity tsa;
    public final Entity ocsp;
    private final String base;
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final Set<BigInteger> issued = ConcurrentHashMap.newKeySet();

    /** @param base the loopback server's address, e.g. {@code http://127.0.0.1:41234} */
    public TestPki(String base) throws Exception {
        this(base, "UBND phường Bến Nghé (thử nghiệm)");
    }

    public TestPki(String base, String signerName) throws Exception {
        this.base = base;
        String run = Long.toHexString(RANDOM.nextLong());
        Instant now = Instant.now();
        KeyPair rootKeys = keys();
        X500Name rootName = new X500Name("CN=Motcua Test Root CA " + run + ",O=Motcua Counter tests,C=VN");
        root = new Entity(rootKeys, ca(rootName, rootKeys, rootName, rootKeys, now, null));
        KeyPair caKeys = keys();
        X500Name caName = new X500Name("CN=Motcua Test Intermediate CA " + run + ",O=Motcua Counter tests,C=VN");
        intermediate = new Entity(caKeys, ca(caName, caKeys, rootName, rootKeys, now, "root"));
        signer = issue("CN=" + signerName + ",O=Motcua Counter tests,C=VN", null, now);
        tsa = issue("CN=Motcua Test TSA " + run + ",C=VN", KeyPurposeId.id_kp_timeStamping, now);
        ocsp = issue("CN=Motcua Test OCSP " + run + ",C=VN", KeyPurposeId.id_kp_OCSPSigning, now);
    }

    private Entity issue(String name, KeyPurposeId purpose, Instant now) throws Exception {
        KeyPair keys = keys();
        return new Entity(keys, issue(name, keys.getPublic(), purpose, now));
    }

    /** A signer's certificate for a key made elsewhere (on a token), issued by the intermediate CA. */
    public X509Certificate issueSigner(String name, java.security.PublicKey key) throws Exception {
        return issue("CN=" + name + ",O=Motcua Counter tests,C=VN", key, null, Instant.now());
    }

    private X509Certificate issue(String name, java.security.PublicKey key, KeyPurposeId purpose, Instant now)
            throws Exception {
        KeyPair keys = new KeyPair(key, null);
        X509Certificate issuer = intermediate.certificate();
        X509v3CertificateBuilder builder = builder(new X500Name(name), keys,
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), now);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuer.getPublicKey()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (purpose == null) {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        }
        if (purpose == KeyPurposeId.id_kp_OCSPSigning) {
            builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        } else {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, uri("/ocsp")),
                        new AccessDescription(AccessDescription.id_ad_caIssuers, uri("/ca/intermediate.cer"))}));
            builder.addExtension(Extension.cRLDistributionPoints, false, crlPoint("intermediate"));
        }
        X509Certificate certificate = sign(builder, intermediate.privateKey());
        issued.add(certificate.getSerialNumber());
        return certificate;
    }

    private X509Certificate ca(X500Name subject, KeyPair keys, X500Name issuerName, KeyPair issuerKeys, Instant now,
                               String crlOf) throws Exception {
        X509v3CertificateBuilder builder = builder(subject, keys, issuerName, now);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        if (crlOf != null) {   // the intermediate's status comes from the root's CRL, no OCSP: both kinds get tested
            builder.addExtension(Extension.cRLDistributionPoints, false, crlPoint(crlOf));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_caIssuers, uri("/ca/root.cer")));
        }
        return sign(builder, issuerKeys.getPrivate());
    }

    private static X509v3CertificateBuilder builder(X500Name subject, KeyPair keys, X500Name issuer, Instant now)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                keys.getPublic());
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return builder;
    }

    private CRLDistPoint crlPoint(String issuer) {
        return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
                new DistributionPointName(new GeneralNames(uri("/crl/" + issuer + ".crl"))), null, null)});
    }

    private GeneralName uri(String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, base + path);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuer) throws Exception {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public void revoke(X509Certificate certificate) {
        revoked.add(certificate.getSerialNumber());
    }

    /** Whether the intermediate CA issued this serial (the OCSP responder answers "unknown" otherwise). */
    public boolean issued(BigInteger serial) {
        return issued.contains(serial);
    }

    public boolean isRevoked(BigInteger serial) {
        return revoked.contains(serial);
    }

    /** The CRL {@code issuer} ("root" or "intermediate") publishes now. */
    public byte[] crl(String issuer) throws Exception {
        Entity ca = "root".equals(issuer) ? root : intermediate;
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(now.minusSeconds(30)), CRLReason.keyCompromise);
        }
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        builder.addExtension(Extension.cRLNumber, false,
                new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey()));
        return new JcaX509CRLConverter().getCRL(holder).getEncoded();
    }

    /** The signer's key and chain (signer, intermediate, root) as a PKCS#12 file with {@code password}. */
    public Path writePkcs12(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", signer.privateKey(), password, new java.security.cert.Certificate[] {
            signer.certificate(), intermediate.certificate(), root.certificate()});
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    public static Path writePem(Path file, X509Certificate certificate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter writer = new JcaPEMWriter(new java.io.OutputStreamWriter(bytes))) {
            writer.writeObject(certificate);
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    public List<X509Certificate> chain() {
        return List.of(signer.certificate(), intermediate.certificate(), root.certificate());
    }
}
