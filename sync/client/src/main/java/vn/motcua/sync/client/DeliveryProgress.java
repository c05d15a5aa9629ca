package vn.motcua.sync.client;

/** Told after each acknowledged chunk (and for files the hub already had): bytes of this delivery's files done so far. */
@FunctionalInterface
public interface DeliveryProgress {
    DeliveryProgress NONE = (sent, total) -> {
    };

    void progress(long bytesSent, long bytesTotal);
}
