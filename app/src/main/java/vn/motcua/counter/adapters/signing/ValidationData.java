package vn.motcua.counter.adapters.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import vn.motcua.counter.application.port.CopySigner.ValidationDataUnavailableException;

/**
 * B-LT: every certificate of every signature's and timestamp's chain, with an OCSP answer or a CRL for each one
 * that is not a root, in the document's DSS dictionary (ETSI EN 319 142-1 §5.4), added as an incremental update.
 * Issuers a signature does not carry are fetched from their certificate's caIssuers address.
 */
final class ValidationData {

    private static final String CA_ISSUERS = "1.3.6.1.5.5.7.48.2";

    private final Revocations revocations;
    private final ValidationHttp http;

    ValidationData(Revocations revocations, ValidationHttp http) {
        this.revocations = revocations;
        this.http = http;
    }

    byte[] add(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Found> signatures = PdfSignatures.read(doc, pdf);
            PdfSignatures.ValidationData existing = PdfSignatures.ValidationData.of(doc);
            Map<String, X509Certificate> known = new LinkedHashMap<>();
            existing.parsedCertificates().forEach(c -> known.put(key(c), c));
            List<X509Certificate> leaves = new ArrayList<>();
            for (PdfSignatures.Found found : signatures) {
                found.certificates().forEach(c -> known.put(key(c), c));
                leaves.add(signerCertificate(found));
                for (TimeStampToken token : found.timestamps()) {
                    List<X509Certificate> tsaCerts = PdfSignatures.certificates(tokenCertificates(token));
                    tsaCerts.forEach(c -> known.put(key(c), c));
                    tsaCerts.stream().filter(c -> token.getSID().match(holder(c))).findFirst().ifPresent(leaves::add);
                }
            }
            List<byte[]> ocsps = new ArrayList<>();
            List<byte[]> crls = new ArrayList<>();
            List<X509Certificate> done = new ArrayList<>();
            for (X509Certificate leaf : leaves) {
                if (leaf == null) {
                    continue;
                }
                X509Certificate current = leaf;
                while (!Chains.selfSigned(current) && !done.contains(current)) {
                    done.add(current);
                    X509Certificate issuer = issuer(current, known);
                    if (!hasEvidence(current, issuer, existing, ocsps, crls)) {
                        Revocations.Evidence evidence = revocations.fetch(current, issuer);
                        ocsps.addAll(evidence.ocspResponses());
                        crls.addAll(evidence.crls());
                        for (byte[] ocsp : evidence.ocspResponses()) {
                            Revocations.ocspCertificates(ocsp).forEach(c -> known.put(key(c), c));
                        }
                    }
                    current = issuer;
                }
            }
            List<byte[]> certificates = new ArrayList<>();
            for (X509Certificate c : known.values()) {
                certificates.add(encoded(c));
            }
            write(doc, existing, certificates, ocsps, crls);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static boolean hasEvidence(X509Certificate certificate, X509Certificate issuer,
                                       PdfSignatures.ValidationData existing, List<byte[]> ocsps, List<byte[]> crls) {
        List<byte[]> allOcsps = new ArrayList<>(existing.ocspResponses());
        allOcsps.addAll(ocsps);
        List<byte[]> allCrls = new ArrayList<>(existing.crls());
        allCrls.addAll(crls);
        return Revocations.judge(certificate, issuer, allOcsps, allCrls)
                != vn.motcua.counter.application.port.SignatureVerifier.Revocation.UNKNOWN;
    }

    private X509Certificate issuer(X509Certificate certificate, Map<String, X509Certificate> known) {
        Optional<X509Certificate> issuer = Chains.issuerOf(certificate, known.values());
        if (issuer.isPresent()) {
            return issuer.get();
        }
        for (String url : caIssuers(certificate)) {
            try {
                for (var c : java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificates(new java.io.ByteArrayInputStream(http.get(URI.create(url), "caIssuers")))) {
                    known.put(key((X509Certificate) c), (X509Certificate) c);
                }
            } catch (CertificateException e) {
                throw new ValidationDataUnavailableException(url, e);
            }
            issuer = Chains.issuerOf(certificate, known.values());
            if (issuer.isPresent()) {
                return issuer.get();
            }
        }
        throw new ValidationDataUnavailableException(certificate.getIssuerX500Principal().getName(),
                new IOException("the issuer's certificate is neither in the file nor at a caIssuers address"));
    }

    private static List<String> caIssuers(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.authorityInfoAccess.getId());
        if (value == null) {
            return List.of();
        }
        try {
            var aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(
                    org.bouncycastle.asn1.ASN1Primitive.fromByteArray(
                            org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets()));
            return Arrays.stream(aia.getAccessDescriptions())
                    .filter(d -> d.getAccessMethod().getId().equals(CA_ISSUERS))
                    .map(d -> org.bouncycastle.asn1.ASN1IA5String.getInstance(d.getAccessLocation().getName()).getString())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Appends to the DSS dictionary (made if absent) and marks what changed for the incremental save. */
    private static void write(PDDocument doc, PdfSignatures.ValidationData existing, List<byte[]> certificates,
                              List<byte[]> ocsps, List<byte[]> crls) throws IOException {
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary dss = catalog.getCOSDictionary(PdfSignatures.DSS);
        if (dss == null) {
            dss = new COSDictionary();
            catalog.setItem(PdfSignatures.DSS, dss);
        }
        List<byte[]> newCertificates = certificates.stream()
                .filter(c -> existing.certificates().stream().noneMatch(e -> Arrays.equals(e, c))).toList();
        append(doc, dss, "Certs", newCertificates);
        append(doc, dss, "OCSPs", ocsps);
        append(doc, dss, "CRLs", crls);
        dss.setNeedToBeUpdated(true);
        catalog.setNeedToBeUpdated(true);
    }

    private static void append(PDDocument doc, COSDictionary dss, String key, List<byte[]> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        COSName name = COSName.getPDFName(key);
        COSArray array = dss.getCOSArray(name);
        if (array == null) {
            array = new COSArray();
            dss.setItem(name, array);
        }
        for (byte[] item : items) {
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(item);
            }
            array.add(stream);
        }
        array.setNeedToBeUpdated(true);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Collection<X509CertificateHolder> tokenCertificates(TimeStampToken token) {
        return token.getCertificates().getMatches(null);
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate signerCertificate(PdfSignatures.Found found) {
        if (found.signer() == null) {
            return null;
        }
        return found.certificates().stream().filter(c -> found.signer().getSID().match(holder(c))).findFirst()
                .orElse(null);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName() + "#" + certificate.getSerialNumber();
    }
}
