package vn.motcua.counter.adapters.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.domain.Procedure;

/** Reads a catalogue file by its extension: {@code .json} (the national sample's shape) or {@code .csv}. */
public final class CatalogueFiles {

    private CatalogueFiles() {
    }

    public static List<Procedure> read(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".json")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new JsonCatalogueReader().read(in, name);
                }
            }
            if (lower.endsWith(".csv")) {
                return new CsvCatalogueReader().read(utf8(Files.readAllBytes(file), name), name);
            }
        } catch (IOException e) {
            throw new CounterException("catalogue.unreadable", e, name);
        }
        throw new CounterException("catalogue.unknown_format", name);
    }

    /** Strict UTF-8: a file saved in a legacy code page (TCVN3, Windows-1258) would otherwise import as garbage. */
    public static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CounterException("file.not_utf8", e, name);
        }
    }
}
