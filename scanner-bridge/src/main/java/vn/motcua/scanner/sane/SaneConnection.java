package vn.motcua.scanner.sane;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control connection to {@code saned}: SANE's network protocol (SANE standard, "Network Protocol"), written
 * here instead of using a client library because each request must go out as one buffered write with
 * TCP_NODELAY (a library writing word by word paid ~40 ms per request to Nagle and delayed ACKs) and page data
 * must land straight in the image's array (see {@link SaneDataStream}).
 *
 * <p>Words are 4-byte big-endian; a string is its length including the NUL, then its bytes (0 for null); an array
 * is its length, then its elements; a pointer is an is-null word, then the value. Requests are serialised: the
 * data stream runs on its own socket, so {@link #cancel} may come from another thread while a page is read.
 *
 * <p>A saned whose {@code saned.users} names the backend answers OPEN (and, for backends that ask themselves,
 * CONTROL_OPTION or START) with a resource to authorise; the answer comes from {@link SaneCredentials}, see
 * {@link #authorize}.
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
    private static final int AUTHORIZE = 9;
    private static final int EXIT = 10;
    /** saned's resource to authorise ends with this and a salt when it wants the password as an MD5 digest. */
    private static final String MD5_MARKER = "$MD5$";
    /** saned asks once per call (sanei_authorize); more means a confused peer. */
    private static final int MAX_AUTHORIZATIONS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SaneConnection.class);
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
    private final SaneHost host;
    private final SaneCredentials credentials;

    private SaneConnection(Socket socket, int readTimeoutMillis, SaneHost host, SaneCredentials credentials)
            throws IOException {
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.host = host;
        this.credentials = credentials;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 4 * 1024));
    }

    /** Connects and says hello (SANE_NET_INIT). */
    static SaneConnection open(SaneHost host, Duration connectTimeout, Duration readTimeout,
                               SaneCredentials credentials) throws IOException, SaneStatusException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.connect(host.socketAddress(), (int) connectTimeout.toMillis());
            SaneConnection connection = new SaneConnection(socket, (int) readTimeout.toMillis(), host,
                    credentials);
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

    /** SANE_NET_OPEN; returns the device handle. */
    synchronized int open(String deviceName) throws IOException, SaneStatusException {
        out.writeInt(OPEN);
        writeString(deviceName);
        out.flush();
        return authorizedReply(() -> new Opened(SaneStatus.of(in.readInt()), in.readInt()), "open " + deviceName)
                .handle();
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
        return authorizedReply(() -> {
            SaneStatus status = SaneStatus.of(in.readInt());
            int info = in.readInt();
            int type = in.readInt();
            skipValue(type, in.readInt());
            return new OptionSet(status, info);
        }, "set option " + option.name()).info();
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
        Started started = authorizedReply(() -> new Started(SaneStatus.of(in.readInt()), in.readInt(),
                in.readInt() == 0x4321), "start");
        out.writeInt(GET_PARAMETERS);
        out.writeInt(handle);
        out.flush();
        return new DataPort(new InetSocketAddress(socket.getInetAddress(), started.port()), started.bigEndian(),
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

    /** A reply that ends with a resource to authorise; its status is checked once no resource is named. */
    private interface AuthorizableReply {
        SaneStatus status();
    }

    private record Opened(SaneStatus status, int handle) implements AuthorizableReply {
    }

    private record OptionSet(SaneStatus status, int info) implements AuthorizableReply {
    }

    private record Started(SaneStatus status, int port, boolean bigEndian) implements AuthorizableReply {
    }

    @FunctionalInterface
    private interface ReplyReader<T extends AuthorizableReply> {
        T read() throws IOException;
    }

    /**
     * Reads the reply of OPEN, CONTROL_OPTION or START. While it names a resource, answers SANE_NET_AUTHORIZE and
     * reads the whole reply again, as net.c's sane_open/sane_control_option/sane_start loops do: saned's
     * auth_callback (frontend/saned.c) sends the reply with only the resource set, reads AUTHORIZE, acknowledges
     * it with one word, and the call then continues to its real reply.
     */
    private <T extends AuthorizableReply> T authorizedReply(ReplyReader<T> reader, String what)
            throws IOException, SaneStatusException {
        String authorization = null;
        for (int round = 0; ; round++) {
            T reply = reader.read();
            String resource = readString();
            if (resource.isEmpty()) {
                if (reply.status() == SaneStatus.ACCESS_DENIED && authorization != null) {
                    throw new SaneStatusException(reply.status(), what + " (saned refused the answer sent "
                            + authorization + ")");
                }
                check(reply.status(), what);
                return reply;
            }
            if (round == MAX_AUTHORIZATIONS) {
                throw new IOException(what + ": saned asked for authorisation more than " + MAX_AUTHORIZATIONS
                        + " times");
            }
            authorization = authorize(resource);
        }
    }

    /**
     * SANE_NET_AUTHORIZE: the resource as saned sent it, the user, and the password. sanei_auth.c's check_passwd
     * takes a password starting with {@code $MD5$} as {@code $MD5$} + hex md5(salt + password), the salt being what
     * follows {@code $MD5$} in the resource (saned always adds one); otherwise it compares the plain password,
     * which is sent only when no salt came. Without credentials the user and password go empty, so saned answers
     * ACCESS_DENIED and the connection stays in step.
     *
     * @return how it was answered, for the error if saned refuses (never the password)
     */
    private String authorize(String resource) throws IOException {
        int salted = resource.indexOf(MD5_MARKER);
        String name = salted < 0 ? resource : resource.substring(0, salted);
        SaneCredentials.Lookup lookup = credentials.find(host, name);
        byte[] user = lookup.credential().map(c -> c.user().getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        byte[] password = lookup.credential().map(c -> salted < 0 ? c.password()
                : md5Answer(resource.substring(salted + MD5_MARKER.length()), c.password())).orElse(new byte[0]);
        if (salted < 0 && lookup.credential().isPresent()) {
            LOG.warn("saned on {} asks for the password of {} without a salt: it goes in plain text",
                    host.idForm(), name);
        }
        LOG.info("saned on {} asks to authorise {}: answering {}", host.idForm(), name, lookup.explanation());
        out.writeInt(AUTHORIZE);
        writeString(resource);
        writeBytes(user);
        writeBytes(password);
        out.flush();
        in.readInt(); // saned's acknowledgement; the call's own reply follows
        return lookup.explanation();
    }

    private static byte[] md5Answer(String salt, byte[] password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(salt.getBytes(StandardCharsets.ISO_8859_1));
            md5.update(password);
            return (MD5_MARKER + HexFormat.of().formatHex(md5.digest())).getBytes(StandardCharsets.ISO_8859_1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private void writeString(String value) throws IOException {
        writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeBytes(byte[] bytes) throws IOException {
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
