package vn.motcua.counter.capture.pdfa;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A TrueType program of two glyphs, built in code (~700 bytes): .notdef (a box, never referenced) and glyph 1, empty
 * and 500/1000 em wide, that every character of the invisible text layer is drawn with. The idea is Tesseract's
 * {@code pdf.ttf} (Ken Sharp's "GlyphLessFont"), but glyph 1 has no outline at all, so the layer stays invisible even
 * if a viewer ignores render mode 3. All ten tables the TrueType spec requires are present for strict parsers.
 */
final class GlyphlessFontProgram {

    static final int UNITS_PER_EM = 1000;
    /** Advance of glyph 1: the PDF font's /DW must say the same (PDF/A width consistency). */
    static final int ADVANCE = 500;
    static final String NAME = "GlyphLessFont";

    private static final byte[] BYTES = build();

    private GlyphlessFontProgram() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] build() {
        try {
            Map<String, byte[]> tables = new TreeMap<>(); // the table directory is sorted by tag
            tables.put("OS/2", os2());
            tables.put("cmap", table(o -> {
                o.writeShort(0); o.writeShort(1); // version, one subtable: Windows Unicode BMP
                o.writeShort(3); o.writeShort(1); o.writeInt(12);
                // format 4 with only the required final segment: no character maps to a glyph by itself
                o.writeShort(4); o.writeShort(24); o.writeShort(0);
                o.writeShort(2); o.writeShort(2); o.writeShort(0); o.writeShort(0);
                o.writeShort(0xFFFF); o.writeShort(0); o.writeShort(0xFFFF); o.writeShort(1); o.writeShort(0);
            }));
            byte[] notdef = table(o -> {
                o.writeShort(1); o.writeShort(0); o.writeShort(0); o.writeShort(ADVANCE); o.writeShort(UNITS_PER_EM);
                o.writeShort(3); o.writeShort(0); // last point index, no instructions
                o.write(new byte[] {1, 1, 1, 1}); // four on-curve points, coordinates as 16-bit deltas
                for (int dx : new int[] {0, 0, ADVANCE, 0}) {
                    o.writeShort(dx);
                }
                for (int dy : new int[] {0, UNITS_PER_EM, 0, -UNITS_PER_EM}) {
                    o.writeShort(dy);
                }
            });
            tables.put("glyf", notdef);
            tables.put("head", table(o -> {
                o.writeInt(0x00010000); o.writeInt(0x00010000);
                o.writeInt(0); // checkSumAdjustment, patched below
                o.writeInt(0x5F0F3CF5); o.writeShort(0x000B); o.writeShort(UNITS_PER_EM);
                o.writeLong(0); o.writeLong(0); // created, modified
                o.writeShort(0); o.writeShort(0); o.writeShort(ADVANCE); o.writeShort(UNITS_PER_EM);
                o.writeShort(0); o.writeShort(8); o.writeShort(2);
                o.writeShort(0); o.writeShort(0); // short loca, glyph data format 0
            }));
            tables.put("hhea", table(o -> {
                o.writeInt(0x00010000); o.writeShort(UNITS_PER_EM); o.writeShort(0); o.writeShort(0);
                o.writeShort(ADVANCE); o.writeShort(0); o.writeShort(0); o.writeShort(ADVANCE);
                o.writeShort(1); o.writeShort(0); o.writeShort(0);
                o.write(new byte[8]); o.writeShort(0); o.writeShort(1); // one long metric shared by both glyphs
            }));
            tables.put("hmtx", table(o -> {
                o.writeShort(ADVANCE); o.writeShort(0); o.writeShort(0);
            }));
            tables.put("loca", table(o -> {
                o.writeShort(0); o.writeShort(notdef.length / 2); o.writeShort(notdef.length / 2); // glyph 1 empty
            }));
            tables.put("maxp", table(o -> {
                o.writeInt(0x00010000); o.writeShort(2); o.writeShort(4); o.writeShort(1);
                o.writeShort(0); o.writeShort(0); o.writeShort(2);
                o.write(new byte[16]); // no hinting: no twilight points, storage, functions or stack
            }));
            tables.put("name", name());
            tables.put("post", table(o -> {
                o.writeInt(0x00030000); o.writeInt(0); o.writeShort(0); o.writeShort(0);
                o.writeInt(1); o.write(new byte[16]); // fixed pitch; no glyph names (version 3)
            }));
            return assemble(tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] os2() throws IOException {
        return table(o -> {
            o.writeShort(3); o.writeShort(ADVANCE); o.writeShort(400); o.writeShort(5);
            o.writeShort(0); // fsType 0: installable embedding, as PDF/A needs
            o.write(new byte[20 + 2 + 10 + 16]);
            o.write("NONE".getBytes(StandardCharsets.US_ASCII));
            o.writeShort(0x40); o.writeShort(0); o.writeShort(0xFFFF);
            o.writeShort(UNITS_PER_EM); o.writeShort(0); o.writeShort(0);
            o.writeShort(UNITS_PER_EM); o.writeShort(0);
            o.writeInt(1); o.writeInt(0); // code page range: Latin 1
            o.writeShort(0); o.writeShort(UNITS_PER_EM); o.writeShort(0); o.writeShort(32); o.writeShort(0);
        });
    }

    private static byte[] name() throws IOException {
        String[] strings = {NAME, "Regular", NAME, NAME, "Version 1.0", NAME};
        int[] ids = {1, 2, 3, 4, 5, 6};
        ByteArrayOutputStream storage = new ByteArrayOutputStream();
        return table(o -> {
            o.writeShort(0); o.writeShort(strings.length); o.writeShort(6 + 12 * strings.length);
            for (int i = 0; i < strings.length; i++) {
                byte[] utf16 = strings[i].getBytes(StandardCharsets.UTF_16BE);
                o.writeShort(3); o.writeShort(1); o.writeShort(0x409); o.writeShort(ids[i]);
                o.writeShort(utf16.length); o.writeShort(storage.size());
                storage.write(utf16);
            }
            o.write(storage.toByteArray());
        });
    }

    private static byte[] assemble(Map<String, byte[]> tables) throws IOException {
        int n = tables.size();
        int offset = 12 + 16 * n;
        ByteArrayOutputStream dir = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(dir);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        d.writeInt(0x00010000); d.writeShort(n);
        d.writeShort(16 << entrySelector); d.writeShort(entrySelector); d.writeShort(16 * n - (16 << entrySelector));
        int headOffset = 0;
        for (var e : tables.entrySet()) {
            byte[] t = e.getValue();
            if (e.getKey().equals("head")) {
                headOffset = offset + body.size();
            }
            d.write(e.getKey().getBytes(StandardCharsets.US_ASCII));
            d.writeInt(checksum(t)); d.writeInt(offset + body.size()); d.writeInt(t.length);
            body.write(t);
            body.write(new byte[(4 - t.length % 4) % 4]); // tables start on 4-byte boundaries
        }
        ByteBuffer font = ByteBuffer.allocate(dir.size() + body.size());
        font.put(dir.toByteArray()).put(body.toByteArray());
        font.putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(font.array())));
        return font.array();
    }

    private static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xff : 0);
            }
            sum += word;
        }
        return (int) sum;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] table(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
