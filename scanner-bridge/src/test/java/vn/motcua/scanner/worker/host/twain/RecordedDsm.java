package vn.motcua.scanner.worker.host.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data source manager answering from a recorded conversation ({@code *.dsm} resources): each {@code =} line is
 * one DSM_Entry call the worker must make next, with what pData must hold before the call and what the DSM puts
 * there; {@code !} lines are the source's messages (or the client's CANCEL) in time order. Structures are read
 * and written at the literal pack(2) offsets of twain.h, independently of the worker's layouts. Handle memory is
 * tracked: a lock of an unknown handle, an image freed as a container, or a handle left allocated fails the test.
 */
final class RecordedDsm implements DsmEntry {

    static final MemorySegment WINDOW = MemorySegment.ofAddress(0x7f00_0010_0000L);
    static final MemorySegment CALLBACK = MemorySegment.ofAddress(0x7f00_0020_0000L);
    private static final Charset ANSI = Charset.forName("windows-1252");

    private final Conversation conversation;
    private final Arena arena = Arena.ofConfined();
    private final Blocks containers = new Blocks("container");
    private final Blocks images = new Blocks("image");
    private boolean entryPointsTaken;
    private String openSource;
    private RuntimeException firstFailure;

    RecordedDsm(Conversation conversation) {
        this.conversation = conversation;
    }

    /**
     * The first mismatch is thrown again on every later call, so the worker's clean-up calls (MSG_DISABLEDS in a
     * finally) cannot hide it behind a mismatch of their own.
     */
    @Override
    public int call(MemorySegment origin, MemorySegment dest, int group, int dat, int msg, MemorySegment data) {
        if (firstFailure != null) {
            throw firstFailure;
        }
        try {
            return replay(origin, dest, group, dat, msg, data);
        } catch (RuntimeException | AssertionError e) {
            firstFailure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            throw e;
        }
    }

    private int replay(MemorySegment origin, MemorySegment dest, int group, int dat, int msg, MemorySegment data) {
        String line = conversation.next('=');
        String[] sides = line.split(" -> ");
        String[] request = sides[0].trim().split(" ");
        String[] answer = sides[1].trim().split(" ");
        String triplet = Twain.triplet(group, dat, msg);
        assertThat(triplet).as("DSM_Entry call, recorded: %s", line).isEqualTo(request[0]);
        assertThat(string(origin, 122, 34)).as("pOrigin is the worker's identity").isEqualTo("Motcua Scanner Bridge");
        // To the DSM itself: its own triplets, and DAT_STATUS after one of them failed (no source open then).
        boolean toDsm = dat == Twain.DAT_PARENT || dat == Twain.DAT_IDENTITY || dat == Twain.DAT_ENTRYPOINT
                || dat == Twain.DAT_STATUS && openSource == null;
        if (toDsm) {
            assertThat(dest).as("pDest of %s", triplet).isEqualTo(MemorySegment.NULL);
        } else {
            assertThat(dest).as("pDest of %s", triplet).isNotEqualTo(MemorySegment.NULL);
            assertThat(string(dest, 122, 34)).as("pDest of %s", triplet).isEqualTo(openSource);
        }
        check(triplet, fields(request), data);
        int rc = Twain.constant(answer[0]);
        answer(triplet, fields(answer), origin, data);
        return rc;
    }

    private void check(String triplet, Map<String, String> expected, MemorySegment data) {
        ByteBuffer bytes = data.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (triplet) {
            case "DG_CONTROL/DAT_PARENT/MSG_OPENDSM", "DG_CONTROL/DAT_PARENT/MSG_CLOSEDSM" ->
                    assertThat(data.get(ValueLayout.ADDRESS_UNALIGNED, 0)).as("HWND").isEqualTo(WINDOW);
            case "DG_CONTROL/DAT_ENTRYPOINT/MSG_GET" -> assertThat(bytes.getInt(0)).as("Size").isEqualTo(44);
            case "DG_CONTROL/DAT_IDENTITY/MSG_OPENDS", "DG_CONTROL/DAT_IDENTITY/MSG_CLOSEDS" -> {
                assertThat(string(data, 122, 34)).isEqualTo(expected.get("product"));
                assertThat(bytes.getInt(0)).as("Id").isEqualTo(Integer.parseInt(expected.get("id")));
                openSource = triplet.endsWith("MSG_OPENDS") ? expected.get("product") : null;
            }
            case "DG_CONTROL/DAT_CALLBACK2/MSG_REGISTER_CALLBACK" ->
                    assertThat(data.get(ValueLayout.ADDRESS_UNALIGNED, 0)).as("CallBackProc").isEqualTo(CALLBACK);
            case "DG_CONTROL/DAT_CAPABILITY/MSG_GET" -> assertThat(capName(bytes)).isEqualTo(expected.get("cap"));
            case "DG_CONTROL/DAT_CAPABILITY/MSG_SET" -> {
                assertThat(capName(bytes)).isEqualTo(expected.get("cap"));
                assertThat(Short.toUnsignedInt(bytes.getShort(2))).as("ConType").isEqualTo(Twain.TWON_ONEVALUE);
                ByteBuffer container = containers.locked(data.get(ValueLayout.ADDRESS_UNALIGNED, 4))
                        .asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                assertThat((int) container.getShort(0)).as("ItemType of " + expected.get("cap"))
                        .isEqualTo(Twain.constant(expected.get("type")));
                assertThat(Containers.oneValueItem(container)).as("Item of " + expected.get("cap"))
                        .isCloseTo(Double.parseDouble(expected.get("item")), org.assertj.core.data.Offset.offset(1e-4));
            }
            case "DG_IMAGE/DAT_IMAGELAYOUT/MSG_SET" -> {
                StringBuilder frame = new StringBuilder();
                for (int side = 0; side < 4; side++) {
                    double value = bytes.getShort(4 * side) + Short.toUnsignedInt(bytes.getShort(4 * side + 2)) / 65536.0;
                    frame.append(side == 0 ? "" : ":").append(CapabilityContainers.decimal(value));
                }
                assertThat(frame.toString()).as("Frame").isEqualTo(expected.get("frame"));
            }
            case "DG_CONTROL/DAT_USERINTERFACE/MSG_ENABLEDS" -> {
                assertThat(bytes.getShort(0)).as("ShowUI").isEqualTo(Short.parseShort(expected.get("showui")));
                assertThat(data.get(ValueLayout.ADDRESS_UNALIGNED, 4)).as("hParent").isEqualTo(WINDOW);
            }
            default -> assertThat(expected).as("nothing to check for " + triplet).isEmpty();
        }
    }

    private void answer(String triplet, Map<String, String> answer, MemorySegment origin, MemorySegment data) {
        ByteBuffer bytes = data.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (triplet) {
            case "DG_CONTROL/DAT_PARENT/MSG_OPENDSM" -> {
                if (answer.containsKey("dsm2")) {
                    ByteBuffer app = origin.reinterpret(156).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    assertThat(app.getInt(50) & Twain.DF_APP2).as("the worker says it is a TWAIN 2 application")
                            .isNotZero();
                    app.putInt(50, app.getInt(50) | Twain.DF_DSM2);
                }
            }
            case "DG_CONTROL/DAT_IDENTITY/MSG_GETFIRST", "DG_CONTROL/DAT_IDENTITY/MSG_GETNEXT" -> {
                if (answer.containsKey("product")) {
                    bytes.putInt(0, Integer.parseInt(answer.get("id")));
                    putString(bytes, 54, answer.getOrDefault("manufacturer", ""));
                    putString(bytes, 122, answer.get("product"));
                }
            }
            case "DG_CONTROL/DAT_CAPABILITY/MSG_GET" -> {
                if (answer.containsKey("container")) {
                    byte[] container = container(answer);
                    MemorySegment handle = containers.allocate(container.length);
                    MemorySegment.copy(container, 0, containers.locked(handle), ValueLayout.JAVA_BYTE, 0,
                            container.length);
                    bytes.putShort(2, (short) Twain.constant("TWON_" + answer.get("container")));
                    data.set(ValueLayout.ADDRESS_UNALIGNED, 4, handle);
                }
            }
            case "DG_CONTROL/DAT_STATUS/MSG_GET" -> bytes.putShort(0, (short) conditionCode(answer.get("cc")));
            case "DG_IMAGE/DAT_IMAGEINFO/MSG_GET" -> {
                bytes.putShort(0, Short.parseShort(answer.get("xres"))).putShort(2, (short) 0);
                bytes.putShort(4, Short.parseShort(answer.get("xres"))).putShort(6, (short) 0);
            }
            case "DG_IMAGE/DAT_IMAGENATIVEXFER/MSG_GET" -> {
                if (answer.containsKey("dib")) {
                    byte[] dib = dib(answer);
                    MemorySegment handle = images.allocate(dib.length);
                    MemorySegment.copy(dib, 0, images.locked(handle), ValueLayout.JAVA_BYTE, 0, dib.length);
                    data.set(ValueLayout.ADDRESS_UNALIGNED, 0, handle);
                }
            }
            case "DG_CONTROL/DAT_PENDINGXFERS/MSG_ENDXFER", "DG_CONTROL/DAT_PENDINGXFERS/MSG_RESET" -> {
                if (answer.containsKey("count")) {
                    bytes.putShort(0, (short) Integer.parseInt(answer.get("count")));
                }
            }
            default -> assertThat(answer).as("nothing to answer for " + triplet).isEmpty();
        }
    }

    private static byte[] container(Map<String, String> answer) {
        int type = Twain.constant(answer.get("type"));
        return switch (answer.get("container")) {
            case "ONEVALUE" -> Containers.oneValue(type, Double.parseDouble(answer.get("item")));
            case "ENUMERATION" -> Containers.enumeration(type, numbers(answer.get("items")),
                    Integer.parseInt(answer.get("current")), Integer.parseInt(answer.get("default")));
            case "RANGE" -> Containers.range(type, Double.parseDouble(answer.get("min")),
                    Double.parseDouble(answer.get("max")), Double.parseDouble(answer.get("step")),
                    Double.parseDouble(answer.get("default")), Double.parseDouble(answer.get("current")));
            default -> throw new IllegalArgumentException("container " + answer.get("container"));
        };
    }

    private static byte[] dib(Map<String, String> answer) {
        int width = Integer.parseInt(answer.get("width"));
        int height = Integer.parseInt(answer.get("height"));
        return switch (answer.get("dib")) {
            case "gray8" -> Dibs.gray8(width, height, (x, y) -> (x + y) & 0xff);
            case "rgb24" -> Dibs.rgb24(width, height, (x, y) -> x << 16 | y << 8);
            case "bw1" -> Dibs.bw1(width, height, new int[] {0, 0xffffff}, (x, y) -> (x / 4) % 2);
            default -> throw new IllegalArgumentException("dib " + answer.get("dib"));
        };
    }

    private static java.util.List<Double> numbers(String list) {
        return java.util.Arrays.stream(list.split(",")).map(Double::parseDouble).toList();
    }

    private static int conditionCode(String name) {
        for (int code = 0; code < 64; code++) {
            if (Twain.conditionCode(code).equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String capName(ByteBuffer capability) {
        int id = Short.toUnsignedInt(capability.getShort(0));
        return Twain.capability(id).map(Twain.Capability::name).orElse("0x" + Integer.toHexString(id));
    }

    private static String string(MemorySegment segment, long at, int capacity) {
        byte[] bytes = segment.reinterpret(at + capacity).asSlice(at, capacity).toArray(ValueLayout.JAVA_BYTE);
        int length = 0;
        while (length < capacity && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, ANSI);
    }

    private static void putString(ByteBuffer buffer, int at, String text) {
        byte[] bytes = text.getBytes(ANSI);
        buffer.put(at, bytes).put(at + bytes.length, (byte) 0);
    }

    /** {@code key=value} tokens after the first; values percent-decoded like the bridge protocol's. */
    private static Map<String, String> fields(String[] tokens) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            fields.put(tokens[i].substring(0, equals),
                    URLDecoder.decode(tokens[i].substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void useEntryPoints(MemorySegment entryPoint) {
        entryPointsTaken = true;
    }

    @Override
    public HandleMemory containers() {
        assertThat(entryPointsTaken).as("TWAIN 2 containers need the DSM's memory functions (DAT_ENTRYPOINT)")
                .isTrue();
        return containers;
    }

    @Override
    public HandleMemory images() {
        return images;
    }

    @Override
    public MemorySegment parentWindow() {
        return WINDOW;
    }

    @Override
    public MemorySegment callbackProc() {
        return CALLBACK;
    }

    @Override
    public int awaitSourceMessage(MemorySegment app, MemorySegment source, boolean callbackRegistered,
                                  long millis) {
        String line = conversation.next('!');
        String[] tokens = line.trim().split(" ");
        Map<String, String> fields = fields(tokens);
        assertThat(callbackRegistered ? "callback" : "event").as("how %s arrives", tokens[0])
                .isEqualTo(fields.get("via"));
        return tokens[0].equals("nothing") ? Twain.MSG_NULL : Twain.constant(tokens[0]);
    }

    /** Fails if a handle is still allocated or locked: every container and DIB must be given back. */
    void assertAllReleased() {
        assertThat(containers.blocks).as("containers not freed").isEmpty();
        assertThat(images.blocks).as("images not freed").isEmpty();
        arena.close();
    }

    /** Memory behind handles; a handle here is the block's address, as with GMEM_FIXED. */
    private final class Blocks implements HandleMemory {
        private final String kind;
        private final Map<Long, MemorySegment> blocks = new HashMap<>();
        private final Map<Long, Integer> locks = new HashMap<>();

        Blocks(String kind) {
            this.kind = kind;
        }

        @Override
        public MemorySegment allocate(long bytes) {
            MemorySegment block = arena.allocate(bytes, 8);
            blocks.put(block.address(), block);
            locks.put(block.address(), 0);
            return MemorySegment.ofAddress(block.address());
        }

        /** The block, for the recorded DSM's own reading and writing (no lock count). */
        MemorySegment locked(MemorySegment handle) {
            MemorySegment block = blocks.get(handle.address());
            if (block == null) {
                fail("not a live " + kind + " handle: " + handle);
            }
            return block;
        }

        @Override
        public MemorySegment lock(MemorySegment handle) {
            MemorySegment block = locked(handle);
            locks.merge(handle.address(), 1, Integer::sum);
            return block;
        }

        @Override
        public void unlock(MemorySegment handle) {
            locked(handle);
            assertThat(locks.merge(handle.address(), -1, Integer::sum)).as(kind + " unlocked more than locked")
                    .isNotNegative();
        }

        @Override
        public void free(MemorySegment handle) {
            locked(handle);
            assertThat(locks.remove(handle.address())).as(kind + " freed while locked").isZero();
            blocks.remove(handle.address());
        }
    }
}
