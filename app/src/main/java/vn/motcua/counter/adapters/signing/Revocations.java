package vn.motcua.counter.adapters.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;
import vn.motcua.counter.application.port.SignatureVerifier.Revocation;

/**
 * Revocation data for a certificate: fetched from the OCSP responder its AIA names (else the CRL its distribution
 * point names), and judged from OCSP answers and CRLs, whether fetched now or kept in a document's DSS dictionary.
 */
final class Revocations {

    private static final String OCSP_METHOD = "1.3.6.1.5.5.7.48.1";

    private final ValidationHttp http;

    Revocations(ValidationHttp http) {
        this.http = http;
    }

    /** The OCSP answer or the CRL that speaks for {@code certificate}, fetched now. */
    record Evidence(List<byte[]> ocspResponses, List<byte[]> crls) {
    }

    Evidence fetch(X509Certificate certificate, X509Certificate issuer) {
        List<String> ocsp = accessLocations(certificate);
        ValidationDataUnavailableException last = null;
        for (String url : ocsp) {
            try {
                return new Evidence(List.of(fetchOcsp(URI.create(url), certificate, issuer)), List.of());
            } catch (ValidationDataUnavailableException e) {
                last = e;
            }
        }
        for (String url : crlLocations(certificate)) {
            try {
                return new Evidence(List.of(), List.of(http.get(URI.create(url), "CRL")));
            } catch (ValidationDataUnavailableException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new ValidationDataUnavailableException(certificate.getSubjectX500Principal().getName(),
                new IOException("the certificate names no OCSP responder and no CRL"));
    }

    private byte[] fetchOcsp(URI url, X509Certificate certificate, X509Certificate issuer) {
        try {
            CertificateID id = certificateId(certificate, issuer);
            byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            byte[] body = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/ocsp-request")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request)), "OCSP");
            OCSPResp response = new OCSPResp(body);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new ValidationDataUnavailableException(url.toString(),
                        new IOException("OCSP status " + response.getStatus()));
            }
            return body;
        } catch (IOException | OCSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new ValidationDataUnavailableException(url.toString(), e);
        }
    }

    /** What the evidence says of {@code certificate}; UNKNOWN when none of it speaks for it. */
    static Revocation judge(X509Certificate certificate, X509Certificate issuer, List<byte[]> ocspResponses,
                            List<byte[]> crls) {
        for (byte[] der : ocspResponses) {
            Optional<Revocation> said = fromOcsp(der, certificate, issuer);
            if (said.isPresent()) {
                return said.get();
            }
        }
        for (byte[] der : crls) {
            try {
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(der));
                if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    crl.verify(issuer.getPublicKey());
                    return crl.isRevoked(certificate) ? Revocation.REVOKED : Revocation.GOOD;
                }
            } catch (GeneralSecurityException e) {
                // a CRL that does not verify says nothing
            }
        }
        return Revocation.UNKNOWN;
    }

    private static Optional<Revocation> fromOcsp(byte[] der, X509Certificate certificate, X509Certificate issuer) {
        try {
            BasicOCSPResp basic = basic(der);
            if (basic == null || !signedByIssuerOrDelegate(basic, issuer)) {
                return Optional.empty();
            }
            CertificateID wanted = certificateId(certificate, issuer);
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().equals(wanted)) {
                    CertificateStatus status = single.getCertStatus();
                    return Optional.of(status == CertificateStatus.GOOD ? Revocation.GOOD
                            : status instanceof RevokedStatus ? Revocation.REVOKED : Revocation.UNKNOWN);
                }
            }
        } catch (IOException | OCSPException | OperatorCreationException | GeneralSecurityException e) {
            // an unreadable answer says nothing
        }
        return Optional.empty();
    }

    static BasicOCSPResp basic(byte[] der) throws IOException, OCSPException {
        Object body = new OCSPResp(der).getResponseObject();
        return body instanceof BasicOCSPResp b ? b : null;
    }

    /** The answer is signed by the issuer itself, or by a responder the issuer certified for OCSP signing. */
    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, GeneralSecurityException, IOException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return true;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            if (responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    && responder.getExtendedKeyUsage() != null
                    && responder.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                responder.verify(issuer.getPublicKey());
                if (basic.isSignatureValid(verifiers.build(responder))) {
                    return true;
                }
            }
        }
        return false;
    }

    static CertificateID certificateId(X509Certificate certificate, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, GeneralSecurityException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        return new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
    }

    /** The certificates an OCSP answer carries (its responder's), for the DSS dictionary. */
    static List<X509Certificate> ocspCertificates(byte[] der) {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            BasicOCSPResp basic = basic(der);
            if (basic != null) {
                for (X509CertificateHolder holder : basic.getCerts()) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (IOException | OCSPException | GeneralSecurityException e) {
            // nothing to add
        }
        return certificates;
    }

    static List<String> accessLocations(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value != null) {
            for (AccessDescription d : AuthorityInformationAccess.getInstance(unwrap(value)).getAccessDescriptions()) {
                if (d.getAccessMethod().getId().equals(OCSP_METHOD) && d.getAccessLocation().getTagNo()
                        == GeneralName.uniformResourceIdentifier) {
                    urls.add(ASN1IA5String.getInstance(d.getAccessLocation().getName()).getString());
                }
            }
        }
        return urls;
    }

    static List<String> crlLocations(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value != null) {
            for (DistributionPoint point : CRLDistPoint.getInstance(unwrap(value)).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            urls.add(ASN1IA5String.getInstance(general.getName()).getString());
                        }
                    }
                }
            }
        }
        return urls;
    }

    private static ASN1Primitive unwrap(byte[] extensionValue) {
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets());
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed certificate extension", e);
        }
    }
}
