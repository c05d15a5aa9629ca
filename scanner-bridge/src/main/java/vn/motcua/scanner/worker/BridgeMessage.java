package vn.motcua.scanner.worker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One message of the bridge protocol: a verb, named fields and an optional binary payload (a page image).
 * See scanner-bridge/README.md, "Bridge protocol".
 */
public record BridgeMessage(String verb, Map<String, String> fields, byte[] payload) {

    public BridgeMessage {
        if (!verb.matches("[A-Z]+")) {
            throw new IllegalArgumentException("verb must be upper-case letters: " + verb);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        payload = payload == null ? new byte[0] : payload;
    }

    public static BridgeMessage of(String verb, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return new BridgeMessage(verb, fields, null);
    }

    public BridgeMessage withPayload(byte[] bytes) {
        return new BridgeMessage(verb, fields, bytes);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public String require(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new BridgeProtocolException(verb + " without " + name);
        }
        return value;
    }

    public boolean is(String expectedVerb) {
        return verb.equals(expectedVerb);
    }

    @Override
    public String toString() {
        return verb + " " + fields + (payload.length > 0 ? " +" + payload.length + " bytes" : "");
    }
}
