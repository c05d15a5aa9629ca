package vn.motcua.scanner.sane;

/**
 * A SANE device on a host, written as the {@code net} backend writes it: {@code net:HOST:NAME}, with the port
 * after the host when it is not 6566 ({@code net:127.0.0.1:6570:test:0}). Backend names never consist of digits
 * only, so a digits-only segment after the host is a port.
 */
record SaneDeviceName(SaneHost host, String name) {

    String localId() {
        return "net:" + host.idForm() + ":" + name;
    }

    static SaneDeviceName parse(String localId) {
        if (!localId.startsWith("net:")) {
            throw new IllegalArgumentException("Not a SANE network device: " + localId);
        }
        String rest = localId.substring(4);
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            host = rest.substring(0, close + 1);
            rest = rest.substring(close + 1);
        } else {
            int colon = rest.indexOf(':');
            host = rest.substring(0, colon);
            rest = rest.substring(colon);
        }
        // rest is ":NAME" or ":PORT:NAME"
        rest = rest.substring(1);
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
            return new SaneDeviceName(SaneHost.parse(host + ":" + rest.substring(0, colon)),
                    rest.substring(colon + 1));
        }
        return new SaneDeviceName(SaneHost.parse(host), rest);
    }
}
