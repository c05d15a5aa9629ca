package vn.motcua.counter.adapters.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.motcua.counter.application.port.SigningKey;

/**
 * The CMS signature inside a PAdES baseline signature ({@code ETSI.CAdES.detached}): detached SHA-256 content,
 * signed attributes content-type, message-digest and signing-certificate-v2, and no signing-time (PAdES takes the
 * time from the signature dictionary's /M). With a timestamp authority, its token over the signature value goes in
 * as the unsigned signature-time-stamp attribute (B-T).
 */
final class CadesSignature {

    private CadesSignature() {
    }

    static byte[] create(byte[] signedContent, SigningKey key, TimestampAuthority tsa) throws IOException {
        X509Certificate signer = key.chain().getFirst();
        try {
            JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            builder.setSignedAttributeGenerator(new WithoutSigningTime(signingCertificateV2(signer)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(builder.build(new KeyContentSigner(key), signer));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedContent), false);
            if (tsa != null) {
                signed = withTimestamp(signed, tsa);
            }
            return signed.getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("cannot build the CMS signature", e);
        }
    }

    /** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate by its SHA-256 and issuer/serial. */
    private static Attribute signingCertificateV2(X509Certificate signer) throws CertificateEncodingException {
        byte[] hash = sha256(signer.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                signer.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    private static CMSSignedData withTimestamp(CMSSignedData signed, TimestampAuthority tsa) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = tsa.timestamp(sha256(signer.getSignature()));
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(org.bouncycastle.asn1.cms.ContentInfo.getInstance(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The standard signed attributes less signing-time, plus signing-certificate-v2. */
    private static final class WithoutSigningTime implements CMSAttributeTableGenerator {
        private final DefaultSignedAttributeTableGenerator standard;

        WithoutSigningTime(Attribute signingCertificate) {
            standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(signingCertificate));
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public AttributeTable getAttributes(Map parameters) {
            return standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
        }
    }

    /** Hands BC's signer the bytes to sign and lets the key (token, file, remote service) make the signature. */
    private static final class KeyContentSigner implements ContentSigner {
        private final SigningKey key;
        private final AlgorithmIdentifier algorithm;
        private final ByteArrayOutputStream toSign = new ByteArrayOutputStream();

        KeyContentSigner(SigningKey key) {
            this.key = key;
            this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(key.signatureAlgorithm());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return toSign;
        }

        @Override
        public byte[] getSignature() {
            return key.sign(toSign.toByteArray());
        }
    }
}
