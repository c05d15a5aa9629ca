package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** The signatures a loaded PDF carries, read with PDFBox and Bouncy Castle, for signing more and for checking. */
final class PdfSignatures {

    static final COSName SUBFILTER_PADES = COSName.getPDFName("ETSI.CAdES.detached");
    static final COSName SUBFILTER_DOC_TIMESTAMP = COSName.getPDFName("ETSI.RFC3161");
    static final COSName DSS = COSName.getPDFName("DSS");

    private PdfSignatures() {
    }

    /**
     * One signature dictionary and what its CMS holds.
     *
     * @param timestamps the signature-time-stamp tokens in the CMS, or the document timestamp's own token
     */
    record Found(PDSignature dictionary, String field, boolean documentTimestamp, CMSSignedData cms,
                 SignerInformation signer, List<X509Certificate> certificates, List<TimeStampToken> timestamps) {

        /** The end of the revision this signature signed: where its last byte range ends. */
        long signedLength() {
            int[] range = dictionary.getByteRange();
            return (long) range[2] + range[3];
        }
    }

    static List<Found> read(PDDocument doc, byte[] file) throws IOException {
        List<Found> found = new ArrayList<>();
        for (var field : doc.getSignatureFields()) {
            PDSignature dictionary = field.getSignature();
            if (dictionary == null) {
                continue;   // an empty field waiting for a signature
            }
            byte[] contents = dictionary.getContents(file);
            boolean docTimestamp = SUBFILTER_DOC_TIMESTAMP.getName().equals(dictionary.getSubFilter());
            try {
                CMSSignedData cms = new CMSSignedData(contents);
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                List<TimeStampToken> tokens = new ArrayList<>();
                if (docTimestamp) {
                    tokens.add(new TimeStampToken(cms));
                } else if (signer.getUnsignedAttributes() != null) {
                    var stamps = signer.getUnsignedAttributes()
                            .getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                    for (int i = 0; i < stamps.size(); i++) {
                        Attribute a = Attribute.getInstance(stamps.get(i));
                        tokens.add(new TimeStampToken(new CMSSignedData(a.getAttrValues().getObjectAt(0)
                                .toASN1Primitive().getEncoded())));
                    }
                }
                found.add(new Found(dictionary, field.getFullyQualifiedName(), docTimestamp, cms, signer,
                        certificates(cms.getCertificates().getMatches(null)), tokens));
            } catch (CMSException | TSPException | RuntimeException e) {
                found.add(new Found(dictionary, field.getFullyQualifiedName(), docTimestamp, null, null, List.of(),
                        List.of()));
            }
        }
        found.sort(java.util.Comparator.comparingLong(Found::signedLength));
        return found;
    }

    static List<X509Certificate> certificates(Collection<X509CertificateHolder> holders) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                // a certificate the JDK cannot read cannot be part of a chain either
            }
        }
        return certificates;
    }

    /** The document's DSS dictionary (ETSI EN 319 142-1 §5.4): certificates, OCSP answers and CRLs, as DER. */
    record ValidationData(List<byte[]> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

        static ValidationData of(PDDocument doc) throws IOException {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
            if (dss == null) {
                return new ValidationData(List.of(), List.of(), List.of());
            }
            return new ValidationData(streams(dss, "Certs"), streams(dss, "OCSPs"), streams(dss, "CRLs"));
        }

        private static List<byte[]> streams(COSDictionary dss, String key) throws IOException {
            List<byte[]> items = new ArrayList<>();
            COSArray array = dss.getCOSArray(COSName.getPDFName(key));
            if (array != null) {
                for (COSBase item : array) {
                    if (item instanceof org.apache.pdfbox.cos.COSObject object) {
                        item = object.getObject();
                    }
                    if (item instanceof COSStream stream) {
                        try (var in = stream.createInputStream()) {
                            items.add(in.readAllBytes());
                        }
                    }
                }
            }
            return items;
        }

        List<X509Certificate> parsedCertificates() {
            Map<String, X509Certificate> parsed = new LinkedHashMap<>();
            for (byte[] der : certificates) {
                try {
                    X509Certificate c = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(der));
                    parsed.put(c.getSerialNumber() + c.getIssuerX500Principal().getName(), c);
                } catch (CertificateException e) {
                    // skipped like an unreadable CMS certificate
                }
            }
            return List.copyOf(parsed.values());
        }
    }
}
