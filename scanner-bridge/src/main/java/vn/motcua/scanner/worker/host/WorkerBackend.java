package vn.motcua.scanner.worker.host;

import java.io.IOException;
import vn.motcua.scanner.worker.BridgeMessage;

/**
 * What answers the bridge protocol's requests inside the worker: the virtual source or a native backend.
 * {@link #handle} and {@link #close} run on the worker's main thread (TWAIN wants every call on one thread);
 * {@link #cancel} comes from the thread reading stdin while a SCAN runs.
 */
public interface WorkerBackend {

    /** Where answers go (stdout, framed). */
    @FunctionalInterface
    interface Sender {
        void send(BridgeMessage message) throws IOException;
    }

    /** The client's HELLO names the API it expects (twain or wia). */
    default void hello(String api) {
    }

    /** LIST, CAPS, SET, LAYOUT or SCAN; every answer goes through {@code out}. */
    void handle(BridgeMessage request, Sender out) throws IOException, InterruptedException;

    /** Ends a running SCAN as soon as the source allows. */
    void cancel();

    /** BYE or end of input: release the device. */
    default void close() {
    }
}
