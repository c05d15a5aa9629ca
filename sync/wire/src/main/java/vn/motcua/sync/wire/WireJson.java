package vn.motcua.sync.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The protocol's JSON: one strict reader and writer for both sides. Unknown properties are ignored, so that fields
 * added by a later version pass an older reader (the contract only grows); wrong types, duplicate keys, trailing
 * data and oversized values are refused with the field at fault. Times keep their offset.
 */
public final class WireJson {

    /** Largest manifest body either side accepts. */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = strict().build();

    private WireJson() {
    }

    /** The strict reader's settings, for a mapper that differs only in how it writes (the canonical form). */
    static JsonMapper.Builder strict() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(64 * 1024).maxNumberLength(20).build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        builder.addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        return builder;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads and checks a manifest ({@link ManifestRules}). */
    public static DossierManifest readManifest(byte[] json) throws WireFormatException {
        if (json.length > MAX_MANIFEST_BYTES) {
            throw new WireFormatException(null, "manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        DossierManifest manifest = read(json, DossierManifest.class);
        ManifestRules.check(manifest);
        return manifest;
    }

    /** Reads any protocol body; type and syntax errors come back with the path at fault. */
    public static <T> T read(byte[] json, Class<T> type) throws WireFormatException {
        if (json.length == 0) {
            throw new WireFormatException(null, "empty body");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new WireFormatException(null, "null body");
            }
            return value;
        } catch (JsonMappingException e) {
            throw new WireFormatException(path(e), "wrong type or value: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new WireFormatException(null, at == null ? "malformed JSON"
                    : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            // found by WireFuzzTest: bytes Jackson takes for UTF-32 fail with CharConversionException (an IOException
            // from a byte array is always the body's fault)
            throw new WireFormatException(null, "not UTF-8 JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol records always serialise", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
