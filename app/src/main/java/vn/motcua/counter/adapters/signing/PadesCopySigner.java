package vn.motcua.counter.adapters.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.port.CopySigner;
import vn.motcua.counter.application.port.SigningKey;
import vn.motcua.counter.domain.signing.SignatureLevel;

/**
 * PAdES baseline signatures with PDFBox (incremental updates only: saving a signed file whole would break it) and
 * Bouncy Castle: B-B offline, B-T with an RFC 3161 timestamp, B-LT with the chains and revocation data in the DSS
 * dictionary, as ETSI EN 319 142-1 describes and the EU DSS validator checks.
 */
public final class PadesCopySigner implements CopySigner {

    /**
     * Room for the CMS: the chain, and a timestamp token with the TSA's chain. PDF/A caps a string at 32767 bytes,
     * so a signature can never be larger than that.
     */
    private static final int SIGNATURE_SIZE = 16 * 1024;
    private static final int TIMESTAMPED_SIGNATURE_SIZE = 30_000;

    private final TimestampAuthority tsa;
    private final ValidationData validationData;

    /** @param tsa the timestamp authority's URL, or null where there is none (then only B-B) */
    public PadesCopySigner(URI tsa, Duration networkTimeout) {
        ValidationHttp http = new ValidationHttp(networkTimeout);
        this.tsa = tsa == null ? null : new TimestampAuthority(tsa, http);
        this.validationData = new ValidationData(new Revocations(http), http);
    }

    @Override
    public byte[] sign(byte[] pdf, SigningKey key, Appearance appearance, boolean timestamped) {
        if (timestamped && tsa == null) {
            throw new ValidationDataUnavailableException("signing.tsa.url", null);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getNumberOfPages() == 0) {
                throw new CounterException("signing.empty_document");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PdfSignatures.SUBFILTER_PADES);
            signature.setName(commonName(key.chain().getFirst()));
            signature.setReason(appearance.stamp().kind().wording());
            signature.setLocation(appearance.stamp().agency());
            signature.setSignDate(GregorianCalendar.from(appearance.stamp().signedAt()));
            StampAppearance.Template template = StampAppearance.create(doc.getPage(0), appearance);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(timestamped ? TIMESTAMPED_SIGNATURE_SIZE : SIGNATURE_SIZE);
                options.setVisualSignature(new ByteArrayInputStream(template.pdf()));
                options.setPage(0);
                doc.addSignature(signature, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                byte[] signedContent = external.getContent().readAllBytes();
                external.setSignature(CadesSignature.create(signedContent, key, timestamped ? tsa : null));
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new CounterException("signing.unreadable_document", e);
        }
    }

    @Override
    public byte[] extend(byte[] signedPdf, SignatureLevel level) {
        try {
            byte[] pdf = signedPdf;
            if (level.atLeast(SignatureLevel.B_T) && needsDocumentTimestamp(pdf)) {
                if (tsa == null) {
                    throw new ValidationDataUnavailableException("signing.tsa.url", null);
                }
                pdf = addDocumentTimestamp(pdf);
            }
            if (level.atLeast(SignatureLevel.B_LT)) {
                pdf = validationData.add(pdf);
            }
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.Optional<SignatureLevel> levelOf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Found> found = PdfSignatures.read(doc, pdf);
            List<PdfSignatures.Found> signatures = found.stream().filter(f -> !f.documentTimestamp()).toList();
            if (signatures.isEmpty()) {
                return java.util.Optional.empty();
            }
            PdfSignatures.Found last = signatures.getLast();
            boolean timestamped = !last.timestamps().isEmpty() || found.getLast().documentTimestamp()
                    && found.getLast().signedLength() > last.signedLength();
            if (!timestamped) {
                return java.util.Optional.of(SignatureLevel.B_B);
            }
            PdfSignatures.ValidationData data = PdfSignatures.ValidationData.of(doc);
            boolean longTerm = !data.ocspResponses().isEmpty() || !data.crls().isEmpty();
            return java.util.Optional.of(longTerm ? SignatureLevel.B_LT : SignatureLevel.B_T);
        } catch (IOException e) {
            throw new CounterException("signing.unreadable_document", e);
        }
    }

    /** A signature made offline carries no timestamp and none covers it from a later revision. */
    private static boolean needsDocumentTimestamp(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PdfSignatures.Found> found = PdfSignatures.read(doc, pdf);
            if (found.isEmpty()) {
                throw new CounterException("verify.not_signed");
            }
            PdfSignatures.Found last = found.getLast();
            return !last.documentTimestamp() && last.timestamps().isEmpty();
        }
    }

    /** PAdES document timestamp (ETSI.RFC3161): the TSA's token over the whole file so far, its own revision. */
    private byte[] addDocumentTimestamp(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature timestamp = new PDSignature();
            timestamp.setType(COSName.getPDFName("DocTimeStamp"));
            timestamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            timestamp.setSubFilter(PdfSignatures.SUBFILTER_DOC_TIMESTAMP);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                doc.addSignature(timestamp, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                external.setSignature(tsa.timestamp(CadesSignature.sha256(external.getContent().readAllBytes())));
                return out.toByteArray();
            }
        }
    }

    /** The certificate's common name (the agency or person), else its whole subject. */
    static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        return names.length == 0 ? certificate.getSubjectX500Principal().getName()
                : IETFUtils.valueToString(names[names.length - 1].getFirst().getValue());
    }
}
