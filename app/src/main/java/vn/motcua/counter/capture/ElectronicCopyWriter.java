package vn.motcua.counter.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes one component's pages as one archival (PDF/A-2u) electronic copy. */
public interface ElectronicCopyWriter {

    void write(List<CapturedPage> pages, CopyMetadata metadata, OutputStream out) throws IOException;
}
