package vn.motcua.counter.adapters.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The EU DSS validator (ETSI EN 319 102-1 with its default policy) as an independent judge, trusting only the test
 * root: Vietnamese roots are on no EU trusted list, so DSS is given its own trusted certificate source.
 */
public final class DssValidator {

    /** What DSS concluded for each signature: its indication, sub-indication and the PAdES level it recognised. */
    public record Verdict(Indication indication, String subIndication, SignatureLevel format, List<String> errors) {
    }

    private DssValidator() {
    }

    /** @param online let DSS fetch OCSP, CRLs and issuers over the network (the loopback server) */
    public static List<Verdict> validate(byte[] pdf, X509Certificate root, boolean online) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.setTrustedCertSources(trusted);
        if (online) {
            verifier.setOcspSource(new OnlineOCSPSource());
            verifier.setCrlSource(new OnlineCRLSource());
            verifier.setAIASource(new DefaultAIASource());
        } else {
            verifier.setAIASource(null);
        }
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        SimpleReport report = validator.validateDocument().getSimpleReport();
        return report.getSignatureIdList().stream().map(id -> new Verdict(report.getIndication(id),
                String.valueOf(report.getSubIndication(id)), report.getSignatureFormat(id),
                report.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList())).toList();
    }
}
