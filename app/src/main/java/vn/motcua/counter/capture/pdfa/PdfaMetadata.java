package vn.motcua.counter.capture.pdfa;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import vn.motcua.counter.capture.CopyMetadata;

/**
 * PDF/A identification, XMP and the document information dictionary kept equal (PDF/A requires they agree), and
 * the sRGB output intent that makes DeviceRGB JPEGs device-independent.
 */
final class PdfaMetadata {

    static final String PRODUCER = "Motcua Counter";

    /**
     * Written as text rather than with xmpbox: its serializer goes through whatever TransformerFactory is on the
     * class path, and Saxon (pulled in by veraPDF in tests) turns xml:lang into lang, which breaks PDF/A.
     */
    private static final String XMP_TEMPLATE = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{agency}</rdf:li></rdf:Seq></dc:creator>
               <dc:publisher><rdf:Bag><rdf:li>{agency}</rdf:li></rdf:Bag></dc:publisher>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
               <dc:identifier>{code}</dc:identifier>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdf:Producer>{producer}</pdf:Producer>
               <pdf:Keywords>{code}</pdf:Keywords>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
               <xmp:CreatorTool>{producer}</xmp:CreatorTool>
               <xmp:CreateDate>{date}</xmp:CreateDate>
               <xmp:ModifyDate>{date}</xmp:ModifyDate>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <pdfaid:part>2</pdfaid:part>
               <pdfaid:conformance>U</pdfaid:conformance>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    private PdfaMetadata() {
    }

    static void apply(PDDocument doc, CopyMetadata meta) throws IOException {
        Calendar created = GregorianCalendar.from(meta.created().withNano(0));
        String subject = "Bản sao điện tử, hồ sơ " + meta.dossierCode();

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(meta.componentName());
        info.setAuthor(meta.agency());
        info.setSubject(subject);
        info.setKeywords(meta.dossierCode());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        String date = meta.created().withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String xmp = XMP_TEMPLATE
                .replace("{title}", xml(meta.componentName()))
                .replace("{agency}", xml(meta.agency()))
                .replace("{subject}", xml(subject))
                .replace("{code}", xml(meta.dossierCode()))
                .replace("{producer}", PRODUCER)
                .replace("{date}", date);
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        doc.getDocumentCatalog().setMetadata(metadata);

        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
