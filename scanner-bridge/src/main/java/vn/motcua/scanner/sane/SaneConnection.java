package vn.motcua.scanner.sane;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control connection to {@code saned}: SANE's network protocol (SANE standard, "Network Protocol"), written
 * here instead of using a client library because each request must go out as one buffered write with
 * TCP_NODELAY (a library writing word by word paid ~40 ms per request to Nagle and delayed ACKs) and page data
 * must land straight in the image's array (see {@link SaneDataStream}).
 *
 * <p>Words are 4-byte big-endian; a string is its length including the NUL, then its bytes (0 for null); an array
 * is its length, then its elements; a pointer is an is-null word, then the value. Requests are serialised: the
 * data stream runs on its own socket, so {@link #cancel} may come from another thread while a page is read.
 */
final class SaneConnection implements AutoCloseable {

    private static final int INIT = 0;
    private static final int GET_DEVICES = 1;
    private static final int OPEN = 2;
    private static final int CLOSE = 3;
    private static final int GET_OPTION_DESCRIPTORS = 4;
    private static final int CONTROL_OPTION = 5;
    private static final int GET_PARAMETERS = 6;
    private static final int START = 7;
    private static final int CANCEL = 8;
    private static final int EXIT = 10;
    /** SANE_VERSION_CODE(1, 0, 3): protocol version 3. */
    private static final int VERSION = (1 << 24) | 3;
    static final int ACTION_GET = 0;
    static final int ACTION_SET = 1;
    /** SANE_INFO_RELOAD_OPTIONS: setting this option changed others (activated, deactivated, new limits). */
    static final int INFO_RELOAD_OPTIONS = 2;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int readTimeoutMillis;

    private SaneConnection(Socket socket, int readTimeoutMillis) throws IOException {
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 4 * 1024));
    }

    /** Connects and says hello (SANE_NET_INIT). */
    static SaneConnection open(SaneHost host, Duration connectTimeout, Duration readTimeout)
            throws IOException, SaneStatusException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.connect(host.socketAddress(), (int) connectTimeout.toMillis());
            SaneConnection connection = new SaneConnection(socket, (int) readTimeout.toMillis());
            connection.init();
            return connection;
        } catch (IOException | SaneStatusException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private synchronized void init() throws IOException, SaneStatusException {
        out.writeInt(INIT);
        out.writeInt(VERSION);
        writeString(System.getProperty("user.name", "motcua"));
        out.flush();
        check(SaneStatus.of(in.readInt()), "init");
        in.readInt();
    }

    /** One SANE_Device as saned lists it. */
    record Device(String name, String vendor, String model, String type) {
    }

    synchronized List<Device> devices() throws IOException, SaneStatusException {
        out.writeInt(GET_DEVICES);
        out.flush();
        check(SaneStatus.of(in.readInt()), "get devices");
        int count = in.readInt();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (in.readInt() == 0) { // the list ends with a null pointer
                devices.add(new Device(readString(), readString(), readString(), readString()));
            }
        }
        return devices;
    }

    /** SANE_NET_OPEN; returns the device handle. A device behind a password is refused (none is configured). */
    synchronized int open(String deviceName) throws IOException, SaneStatusException {
        out.writeInt(OPEN);
        writeString(deviceName);
        out.flush();
        SaneStatus status = SaneStatus.of(in.readInt());
        int handle = in.readInt();
        String resource = readString();
        if (!resource.isEmpty()) {
            throw new SaneStatusException(SaneStatus.ACCESS_DENIED, "open " + deviceName
                    + " (saned asks for a user and password, which the counter does not configure)");
        }
        check(status, "open " + deviceName);
        return handle;
    }

    synchronized List<SaneOptionDescriptor> optionDescriptors(int handle) throws IOException {
        out.writeInt(GET_OPTION_DESCRIPTORS);
        out.writeInt(handle);
        out.flush();
        int count = in.readInt();
        List<SaneOptionDescriptor> options = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            options.add(in.readInt() != 0 ? null : readDescriptor(index));
        }
        return options;
    }

    private SaneOptionDescriptor readDescriptor(int index) throws IOException {
        String name = readString();
        readString(); // title
        readString(); // description
        int type = in.readInt();
        in.readInt(); // unit
        int size = in.readInt();
        int capabilities = in.readInt();
        int constraintType = in.readInt();
        int[] range = null;
        List<Integer> words = List.of();
        List<String> strings = List.of();
        switch (constraintType) {
            case SaneOptionDescriptor.CONSTRAINT_RANGE -> {
                if (in.readInt() == 0) {
                    range = new int[] {in.readInt(), in.readInt(), in.readInt()};
                }
            }
            case SaneOptionDescriptor.CONSTRAINT_WORD_LIST -> {
                int length = in.readInt();
                List<Integer> list = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    list.add(in.readInt());
                }
                // SANE's word list starts with its own length.
                words = list.isEmpty() ? List.of() : List.copyOf(list.subList(1, list.size()));
            }
            case SaneOptionDescriptor.CONSTRAINT_STRING_LIST -> {
                int length = in.readInt();
                List<String> list = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    String value = readNullableString();
                    if (value != null) {
                        list.add(value);
                    }
                }
                strings = List.copyOf(list);
            }
            default -> {
            }
        }
        return new SaneOptionDescriptor(index, name, type, size, capabilities, constraintType, range, words,
                strings);
    }

    /**
     * SANE_NET_CONTROL_OPTION. The value is sent in the option's full size: words for BOOL/INT/FIXED, the
     * NUL-padded bytes for STRING, nothing for BUTTON.
     *
     * @return the info bits (e.g. {@link #INFO_RELOAD_OPTIONS})
     */
    synchronized int controlOption(int handle, SaneOptionDescriptor option, int action, int[] words, String text)
            throws IOException, SaneStatusException {
        out.writeInt(CONTROL_OPTION);
        out.writeInt(handle);
        out.writeInt(option.index());
        out.writeInt(action);
        out.writeInt(option.type());
        writeValue(option.type(), option.size(), words, text);
        out.flush();
        SaneStatus status = SaneStatus.of(in.readInt());
        int info = in.readInt();
        int type = in.readInt();
        int size = in.readInt();
        skipValue(type, size);
        readString(); // resource to authorise: not configured, see open
        check(status, "set option " + option.name());
        return info;
    }

    private void writeValue(int type, int size, int[] words, String text) throws IOException {
        switch (type) {
            case SaneOptionDescriptor.TYPE_STRING -> {
                byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                out.writeInt(size);
                out.writeInt(size);
                for (int i = 0; i < size; i++) {
                    out.write(i < bytes.length && i < size - 1 ? bytes[i] : 0);
                }
            }
            case SaneOptionDescriptor.TYPE_BUTTON -> {
                out.writeInt(0);
                out.writeInt(0);
            }
            default -> {
                int count = size / 4;
                out.writeInt(size);
                out.writeInt(count);
                for (int i = 0; i < count; i++) {
                    out.writeInt(words[Math.min(i, words.length - 1)]);
                }
            }
        }
    }

    private void skipValue(int type, int size) throws IOException {
        int length = in.readInt();
        int elementSize = switch (type) {
            case SaneOptionDescriptor.TYPE_STRING -> 1;
            case SaneOptionDescriptor.TYPE_BUTTON, SaneOptionDescriptor.TYPE_GROUP -> 0;
            default -> 4;
        };
        in.skipNBytes((long) length * elementSize);
    }

    /**
     * SANE_NET_START; when it succeeded, GET_PARAMETERS is sent at once, before the data connection is made. saned
     * sits in accept() until then and answers the request after reading at most one 8 KiB block of the frame; asked
     * after connecting, the answer may come when saned has read a whole small frame, and a backend may then
     * describe the next one (seen with the test backend's three-pass mode). Sent together with START instead, it
     * is lost: saned reads requests through a buffer it empties after each one. Read the answer with
     * {@link #startedFrameParameters()}.
     */
    synchronized DataPort start(int handle) throws IOException, SaneStatusException {
        out.writeInt(START);
        out.writeInt(handle);
        out.flush();
        SaneStatus status = SaneStatus.of(in.readInt());
        int port = in.readInt();
        int byteOrder = in.readInt();
        readString();
        check(status, "start");
        out.writeInt(GET_PARAMETERS);
        out.writeInt(handle);
        out.flush();
        return new DataPort(new InetSocketAddress(socket.getInetAddress(), port), byteOrder == 0x4321,
                readTimeoutMillis);
    }

    /** The answer to the GET_PARAMETERS sent by {@link #start}; call after connecting to the data port. */
    synchronized SaneParameters startedFrameParameters() throws IOException, SaneStatusException {
        check(SaneStatus.of(in.readInt()), "get parameters");
        return new SaneParameters(in.readInt(), in.readInt() != 0, in.readInt(), in.readInt(), in.readInt(),
                in.readInt());
    }

    synchronized void cancel(int handle) throws IOException {
        simpleCall(CANCEL, handle);
    }

    synchronized void close(int handle) throws IOException {
        simpleCall(CLOSE, handle);
    }

    private void simpleCall(int procedure, int handle) throws IOException {
        out.writeInt(procedure);
        out.writeInt(handle);
        out.flush();
        in.readInt();
    }

    /** SANE_NET_EXIT, then the socket is closed (also when saned is gone). */
    @Override
    public void close() throws IOException {
        try {
            synchronized (this) {
                out.writeInt(EXIT);
                out.flush();
            }
        } finally {
            socket.close();
        }
    }

    private void writeString(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(bytes.length + 1);
        out.write(bytes);
        out.write(0);
    }

    private String readString() throws IOException {
        String value = readNullableString();
        return value == null ? "" : value;
    }

    private String readNullableString() throws IOException {
        int length = in.readInt();
        if (length <= 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        int end = bytes.length > 0 && bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void check(SaneStatus status, String what) throws SaneStatusException {
        if (status != SaneStatus.GOOD) {
            throw new SaneStatusException(status, what);
        }
    }

    /** Where saned sends the data of one started frame; bigEndian matters only for 16-bit samples. */
    record DataPort(InetSocketAddress address, boolean bigEndian, int readTimeoutMillis) {
    }
}
