package vn.motcua.scanner.sane;

import java.net.InetSocketAddress;

/** A host running {@code saned}; {@code HOST[:PORT]}, IPv6 in brackets ({@code [::1]:6566}). */
public record SaneHost(String host, int port) {

    public static final int DEFAULT_PORT = 6566;

    public SaneHost {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid SANE host " + host + ":" + port);
        }
    }

    public static SaneHost localhost() {
        return new SaneHost("127.0.0.1", DEFAULT_PORT);
    }

    /** Parses the {@code --sane-host} value. */
    public static SaneHost parse(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed IPv6 address: " + text);
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            return new SaneHost(host, rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1), text));
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return new SaneHost(value, DEFAULT_PORT);
        }
        return new SaneHost(value.substring(0, colon), port(value.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid port in SANE host: " + text, e);
        }
    }

    /** The form used inside device ids: the port only when it is not the default. */
    public String idForm() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? name : name + ":" + port;
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }
}
