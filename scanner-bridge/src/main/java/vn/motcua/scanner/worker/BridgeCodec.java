package vn.motcua.scanner.worker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Framing of the bridge protocol: a header line {@code VERB key=value ...\n} in UTF-8, values percent-encoded,
 * then exactly {@code length} payload bytes when the header has a {@code length} field. Simple enough to write
 * from C, C# or a 32-bit JRE, and readable in a log.
 */
public final class BridgeCodec {

    static final int MAX_HEADER = 64 * 1024;
    static final long MAX_PAYLOAD = 512L * 1024 * 1024;

    private BridgeCodec() {
    }

    public static void write(OutputStream out, BridgeMessage message) throws IOException {
        StringBuilder header = new StringBuilder(message.verb());
        message.fields().forEach((key, value) -> {
            if (!key.equals("length")) {
                header.append(' ').append(key).append('=').append(encode(value));
            }
        });
        if (message.payload().length > 0) {
            header.append(" length=").append(message.payload().length);
        }
        header.append('\n');
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        out.write(message.payload());
        out.flush();
    }

    /** Reads one message; EOFException when the other side closed the stream (e.g. the worker died). */
    public static BridgeMessage read(InputStream in) throws IOException {
        String line = readLine(in);
        String[] parts = line.split(" ");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int equals = parts[i].indexOf('=');
            if (equals <= 0) {
                throw new BridgeProtocolException("field without '=': " + parts[i]);
            }
            fields.put(parts[i].substring(0, equals), decode(parts[i].substring(equals + 1)));
        }
        byte[] payload = null;
        String length = fields.remove("length");
        if (length != null) {
            long size = Long.parseLong(length);
            if (size < 0 || size > MAX_PAYLOAD) {
                throw new BridgeProtocolException("payload length out of range: " + size);
            }
            payload = in.readNBytes((int) size);
            if (payload.length != size) {
                throw new EOFException("payload cut short at " + payload.length + " of " + size + " bytes");
            }
        }
        try {
            return new BridgeMessage(parts[0], fields, payload);
        } catch (IllegalArgumentException e) {
            throw new BridgeProtocolException(e.getMessage());
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "stream closed" : "stream closed mid-header");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_HEADER) {
                throw new BridgeProtocolException("header longer than " + MAX_HEADER + " bytes");
            }
            line.write(b);
        }
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".,:/_~-+*".indexOf(c) >= 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new BridgeProtocolException("truncated escape in " + value);
                }
                out.write(Integer.parseInt(value, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
