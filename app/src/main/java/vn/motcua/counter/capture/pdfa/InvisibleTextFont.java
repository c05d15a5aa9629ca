package vn.motcua.counter.capture.pdfa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text layer's font, as Tesseract's PDF renderer does it: a Type0 font over {@link GlyphlessFontProgram} with
 * Identity-H, where the 2-byte character code is the character's Unicode (BMP) value. A CIDToGIDMap stream sends
 * every code to the one empty glyph, and the ToUnicode CMap maps codes back to themselves, so extraction and search
 * give exact Vietnamese. Costs ~1.5 KB per copy instead of a 12–16 KB subset of a real font.
 */
final class InvisibleTextFont extends PDType0Font {

    private final COSStream toUnicode;
    /** High bytes of the codes used; the ToUnicode CMap lists one range per used block of 256. */
    private final BitSet usedBlocks = new BitSet(256);

    private InvisibleTextFont(COSDictionary dictionary, COSStream toUnicode) throws IOException {
        super(dictionary);
        this.toUnicode = toUnicode;
    }

    static InvisibleTextFont create(PDDocument doc) throws IOException {
        COSStream program = stream(doc, GlyphlessFontProgram.bytes());
        program.setInt(COSName.LENGTH1, GlyphlessFontProgram.bytes().length);
        byte[] cidToGid = new byte[2 * 65536];
        for (int i = 1; i < cidToGid.length; i += 2) {
            cidToGid[i] = 1;
        }

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, GlyphlessFontProgram.NAME);
        descriptor.setInt(COSName.FLAGS, 5); // fixed pitch, symbolic
        descriptor.setItem(COSName.FONT_BBOX, ints(0, 0, GlyphlessFontProgram.ADVANCE, GlyphlessFontProgram.UNITS_PER_EM));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, GlyphlessFontProgram.UNITS_PER_EM);
        descriptor.setInt(COSName.DESCENT, 0);
        descriptor.setInt(COSName.CAP_HEIGHT, GlyphlessFontProgram.UNITS_PER_EM);
        descriptor.setInt(COSName.STEM_V, 80);
        descriptor.setItem(COSName.FONT_FILE2, program);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, GlyphlessFontProgram.NAME);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, GlyphlessFontProgram.ADVANCE);
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(doc, cidToGid));

        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, GlyphlessFontProgram.NAME);
        font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        InvisibleTextFont result = new InvisibleTextFont(font, doc.getDocument().createCOSStream());
        // set after construction so PDFBox does not parse a CMap that is still empty
        font.setItem(COSName.TO_UNICODE, result.toUnicode);
        return result;
    }

    /**
     * The code is the UTF-16 value. Characters outside the BMP and controls are refused, as a real font without the
     * glyph would; {@link TextLayer} drops them (OCR noise).
     */
    @Override
    protected byte[] encode(int unicode) {
        if (unicode <= 0x1F || unicode > 0xFFFF || Character.isSurrogate((char) unicode)
                || unicode == 0xFEFF || unicode == 0xFFFE || unicode == 0xFFFF) {
            throw new IllegalArgumentException(String.format("U+%04X not in the text layer's code space", unicode));
        }
        usedBlocks.set(unicode >> 8);
        return new byte[] {(byte) (unicode >> 8), (byte) unicode};
    }

    /** Writes the ToUnicode CMap for the codes used; call once, after the last word and before saving. */
    void finish() throws IOException {
        if (usedBlocks.isEmpty()) {
            usedBlocks.set(0); // a CMap needs at least one range
        }
        StringBuilder ranges = new StringBuilder();
        usedBlocks.stream().forEach(b -> ranges.append(String.format("<%02X00> <%02XFF> <%02X00>%n", b, b, b)));
        String cmap = """
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                %d beginbfrange
                %sendbfrange
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """.formatted(usedBlocks.cardinality(), ranges);
        try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(cmap.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static COSStream stream(PDDocument doc, byte[] data) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(data);
        }
        return stream;
    }

    private static COSArray ints(int... values) {
        COSArray array = new COSArray();
        for (int v : values) {
            array.add(COSInteger.get(v));
        }
        return array;
    }
}
