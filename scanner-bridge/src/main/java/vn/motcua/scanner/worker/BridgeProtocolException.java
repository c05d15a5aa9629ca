package vn.motcua.scanner.worker;

/** The other side broke the bridge protocol (bad framing, unexpected verb, oversized payload). */
public class BridgeProtocolException extends RuntimeException {

    public BridgeProtocolException(String message) {
        super(message);
    }
}
