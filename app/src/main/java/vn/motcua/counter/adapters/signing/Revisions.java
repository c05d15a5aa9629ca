package vn.motcua.counter.adapters.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import vn.motcua.counter.application.port.SignatureVerifier.Change;
import vn.motcua.counter.application.port.SignatureVerifier.LaterRevision;

/**
 * A PDF's revisions (each save ends with {@code %%EOF}) and what each incremental update changed: a signature, a
 * document timestamp, validation data, or the content a reader sees (pages, their images and text, annotations).
 */
final class Revisions {

    private static final byte[] EOF = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Revisions() {
    }

    /** Where each revision ends (after its {@code %%EOF} and end of line), in file order. */
    static List<Long> ends(byte[] pdf) {
        List<Long> ends = new ArrayList<>();
        for (int i = 0; i <= pdf.length - EOF.length; i++) {
            if (matches(pdf, i)) {
                int end = i + EOF.length;
                if (end < pdf.length && pdf[end] == '\r') {
                    end++;
                }
                if (end < pdf.length && pdf[end] == '\n') {
                    end++;
                }
                ends.add((long) end);
                i = end - 1;
            }
        }
        if (ends.isEmpty() || ends.getLast() < pdf.length) {
            ends.add((long) pdf.length);   // trailing bytes after the last %%EOF are a revision of their own
        }
        return ends;
    }

    private static boolean matches(byte[] pdf, int at) {
        for (int j = 0; j < EOF.length; j++) {
            if (pdf[at + j] != EOF[j]) {
                return false;
            }
        }
        return true;
    }

    /** What the revision ending at {@code after} changed against the one ending at {@code before}. */
    static LaterRevision compare(byte[] pdf, long before, long after, int revisionNumber) throws IOException {
        try (PDDocument old = Loader.loadPDF(java.util.Arrays.copyOf(pdf, (int) before));
             PDDocument now = Loader.loadPDF(java.util.Arrays.copyOf(pdf, (int) after))) {
            List<String> content = contentChanges(old, now);
            if (!content.isEmpty()) {
                return new LaterRevision(revisionNumber, Change.CONTENT, content);
            }
            int oldSignatures = old.getSignatureDictionaries().size();
            var newSignatures = now.getSignatureDictionaries();
            if (newSignatures.size() > oldSignatures) {
                var added = newSignatures.getLast();
                return new LaterRevision(revisionNumber,
                        PdfSignatures.SUBFILTER_DOC_TIMESTAMP.getName().equals(added.getSubFilter())
                                ? Change.DOCUMENT_TIMESTAMP : Change.SIGNATURE, List.of());
            }
            if (!Objects.equals(digest(dss(old)), digest(dss(now)))) {
                return new LaterRevision(revisionNumber, Change.VALIDATION_DATA, List.of());
            }
            return new LaterRevision(revisionNumber, Change.CONTENT, List.of("document"));
        }
    }

    private static COSBase dss(PDDocument doc) {
        return doc.getDocumentCatalog().getCOSObject().getDictionaryObject(PdfSignatures.DSS);
    }

    /** Pages added, removed, reordered or redrawn, and annotations other than signature fields. */
    private static List<String> contentChanges(PDDocument old, PDDocument now) throws IOException {
        List<String> changes = new ArrayList<>();
        if (old.getNumberOfPages() != now.getNumberOfPages()) {
            changes.add("pages " + old.getNumberOfPages() + " → " + now.getNumberOfPages());
        }
        int common = Math.min(old.getNumberOfPages(), now.getNumberOfPages());
        for (int i = 0; i < common; i++) {
            PDPage before = old.getPage(i);
            PDPage after = now.getPage(i);
            if (!fingerprint(before).equals(fingerprint(after))) {
                changes.add("page " + (i + 1));
            } else if (!annotations(before).equals(annotations(after))) {
                changes.add("annotation on page " + (i + 1));
            }
        }
        return changes;
    }

    /** The page's drawing: its boxes, rotation, content streams and the images and forms it draws. */
    private static String fingerprint(PDPage page) throws IOException {
        MessageDigest digest = sha256();
        digest.update((page.getMediaBox() + "/" + page.getCropBox() + "/" + page.getRotation()).getBytes());
        try (InputStream content = page.getContents()) {
            digest.update(content.readAllBytes());
        }
        PDResources resources = page.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                digest.update(name.getName().getBytes());
                COSBase xobject = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).getDictionaryObject(name);
                if (xobject instanceof COSStream stream) {
                    try (InputStream raw = stream.createRawInputStream()) {
                        digest.update(raw.readAllBytes());
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Every annotation but signature widgets, by kind, place and text. */
    private static List<String> annotations(PDPage page) throws IOException {
        List<String> found = new ArrayList<>();
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationWidget widget && isSignatureWidget(widget)) {
                continue;
            }
            found.add(annotation.getSubtype() + annotation.getRectangle() + annotation.getContents());
        }
        return found;
    }

    private static boolean isSignatureWidget(PDAnnotationWidget widget) {
        COSDictionary dictionary = widget.getCOSObject();
        COSName type = dictionary.getCOSName(COSName.FT);
        if (type == null && dictionary.getCOSDictionary(COSName.PARENT) != null) {
            type = dictionary.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }

    private static String digest(COSBase dss) throws IOException {
        if (!(dss instanceof COSDictionary dictionary)) {
            return null;
        }
        MessageDigest digest = sha256();
        for (String key : List.of("Certs", "OCSPs", "CRLs")) {
            var array = dictionary.getCOSArray(COSName.getPDFName(key));
            if (array == null) {
                continue;
            }
            for (COSBase item : array.toList()) {
                COSBase object = item instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : item;
                if (object instanceof COSStream stream) {
                    try (InputStream raw = stream.createRawInputStream()) {
                        digest.update(raw.readAllBytes());
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
