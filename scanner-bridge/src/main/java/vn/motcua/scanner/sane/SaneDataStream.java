package vn.motcua.scanner.sane;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;

/**
 * The data connection of one started frame: records of a 4-byte length and that many bytes, ended by the length
 * 0xFFFFFFFF and one status byte (EOF when the frame is complete, JAMMED, COVER_OPEN... when not). Records are
 * read straight into the frame's array, which becomes the image's buffer without another copy.
 */
final class SaneDataStream implements AutoCloseable {

    private static final int END_OF_RECORDS = -1;

    private final Socket socket;
    private final DataInputStream in;

    private SaneDataStream(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    }

    static SaneDataStream connect(SaneConnection.DataPort port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(1024 * 1024);
            socket.setSoTimeout(port.readTimeoutMillis());
            socket.connect(port.address(), port.readTimeoutMillis());
            return new SaneDataStream(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads the whole frame; a status other than EOF at its end is thrown, the bytes before it are dropped. */
    Frame read(SaneParameters parameters) throws IOException, SaneStatusException {
        byte[] data = new byte[parameters.expectedBytes()];
        int length = 0;
        while (true) {
            int recordLength;
            try {
                recordLength = in.readInt();
            } catch (EOFException closed) {
                if (parameters.lines() > 0 && length >= data.length) {
                    return new Frame(parameters, data, length);
                }
                throw new IOException("saned closed the data stream after " + length + " bytes", closed);
            }
            if (recordLength == END_OF_RECORDS) {
                int status = in.read();
                if (status >= 0 && SaneStatus.of(status) != SaneStatus.EOF) {
                    throw new SaneStatusException(SaneStatus.of(status), "reading the page");
                }
                return new Frame(parameters, data, length);
            }
            if (recordLength < 0) {
                throw new IOException("bad record length " + Integer.toUnsignedString(recordLength));
            }
            if (length + recordLength > data.length) {
                data = Arrays.copyOf(data, Math.max(length + recordLength, data.length * 2));
            }
            in.readFully(data, length, recordLength);
            length += recordLength;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One frame's bytes; {@code length} may be shorter than the array (a page shorter than announced). */
    record Frame(SaneParameters parameters, byte[] data, int length) {

        int lines() {
            return length / parameters.bytesPerLine();
        }
    }
}
