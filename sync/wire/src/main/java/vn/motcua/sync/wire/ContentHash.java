package vn.motcua.sync.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The content hash that decides "same manifest": SHA-256 (hex) of the manifest's canonical JSON. Canonical means:
 * object keys sorted (they are ASCII), no white space, absent (null) fields left out, absent lists as empty lists, and
 * every time written as the UTC instant it denotes ({@code 2026-12-04T02:30:00Z}), so two manifests that say the
 * same thing with their keys in another order or their times in another offset hash the same.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = WireJson.strict()
            .addModule(new SimpleModule().addSerializer(OffsetDateTime.class, new InstantText()))
            .build();

    private ContentHash() {
    }

    public static String of(DossierManifest manifest) {
        return Sha256.hex(canonicalJson(manifest));
    }

    public static byte[] canonicalJson(Object value) {
        JsonNode tree = CANONICAL.valueToTree(value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = CANONICAL.getFactory().createGenerator(out)) {
            write(tree, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            g.writeStartObject();
            for (String name : names) {
                JsonNode child = node.get(name);
                if (child.isNull()) {
                    continue;
                }
                g.writeFieldName(name);
                write(child, g);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                write(it.next(), g);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    private static final class InstantText extends StdSerializer<OffsetDateTime> {
        InstantText() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(value.toInstant().toString());
        }
    }
}
