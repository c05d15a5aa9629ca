package vn.motcua.sync.client;

/**
 * How the client reaches the hub: {@code DIRECT}, the {@code SYSTEM} proxy selector (system properties / OS), or an
 * explicit {@code HTTP} proxy at host:port, with Basic authentication when {@code user} is set.
 */
public record ProxySettings(Mode mode, String host, int port, String user, String password) {

    public enum Mode { DIRECT, SYSTEM, HTTP }

    public ProxySettings {
        if (mode == null) {
            throw new IllegalArgumentException("proxy mode is required");
        }
        if (mode == Mode.HTTP && (host == null || host.isBlank() || port <= 0 || port > 65535)) {
            throw new IllegalArgumentException("an HTTP proxy needs a host and a port");
        }
    }

    public static ProxySettings direct() {
        return new ProxySettings(Mode.DIRECT, null, 0, null, null);
    }

    public static ProxySettings system() {
        return new ProxySettings(Mode.SYSTEM, null, 0, null, null);
    }

    public static ProxySettings http(String host, int port, String user, String password) {
        return new ProxySettings(Mode.HTTP, host, port, user, password);
    }

    @Override
    public String toString() {
        return "ProxySettings[" + mode + (host == null ? "" : " " + host + ":" + port)
                + (user == null ? "" : " user=" + user) + "]";
    }
}
