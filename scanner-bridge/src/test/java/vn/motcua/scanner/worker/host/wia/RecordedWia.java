package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import vn.motcua.scanner.worker.host.twain.Conversation;

/**
 * WIA 2.0 answering from a recorded conversation ({@code *.wia} resources), through fake COM objects
 * ({@link FakeCom}) whose vtables are upcall stubs: the worker's real vtable calls, PROPSPEC/PROPVARIANT
 * encoding and its own IWiaTransferCallback run for real. Each {@code =} line is the next call the worker must
 * make ({@code object.Method args -> HRESULT results}, or a ole32 function); the {@code !} lines after a Download
 * are what the driver does meanwhile (GetNextStream, writing a page, TransferCallback messages). Structures are
 * read and written at the literal x64 offsets of the SDK headers, independently of the worker's layouts.
 * AddRef/Release are counted, not recorded: a call on a released object, a BSTR or PROPVARIANT never freed, or an
 * object still referenced at the end fails the test. Nothing here may throw into an upcall (it would end the JVM),
 * so the first failure is kept and rethrown by {@link #rethrowFailure()}.
 */
final class RecordedWia implements ComLibrary {

    static final Map<String, String> GUIDS = Map.of(
            "CLSID_WiaDevMgr2", "{B6C292BC-7C88-41EE-8B54-8EC92617E599}",
            "IID_IWiaDevMgr2", "{79C07CF1-CBDD-41EE-8EC3-F00080CADA7A}",
            "IID_IWiaPropertyStorage", "{98B5E8A0-29CC-491A-AAC0-E6DB4FDCCEB6}",
            "IID_IWiaTransfer", "{C39D6942-2F4E-4D04-92FE-4EF4D3A1DE5A}",
            "IID_IWiaTransferCallback", "{27D4EAAF-28A6-4CA5-9AAB-E678168B9527}",
            "IID_IStream", "{0000000C-0000-0000-C000-000000000046}",
            "WIA_CATEGORY_FLATBED", "{FB607B1F-43F3-488B-855B-FB703EC342A6}",
            "WIA_CATEGORY_FEEDER", "{FE131934-F84C-42AD-8DA4-6129CDDD7288}",
            "WIA_CATEGORY_FINISHED_FILE", "{FF2B77CA-CF84-432B-A735-3A130DDE2A88}",
            "WiaImgFmt_BMP", "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}");
    /** wiadef.h property ids. */
    static final Map<String, Integer> PROPERTIES = Map.ofEntries(
            Map.entry("WIA_DIP_DEV_ID", 2), Map.entry("WIA_DIP_DEV_NAME", 7),
            Map.entry("WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES", 3086),
            Map.entry("WIA_IPS_DOCUMENT_HANDLING_SELECT", 3088), Map.entry("WIA_IPS_PAGES", 3096),
            Map.entry("WIA_IPA_DATATYPE", 4103), Map.entry("WIA_IPA_DEPTH", 4104), Map.entry("WIA_IPA_FORMAT", 4106),
            Map.entry("WIA_IPS_XRES", 6147), Map.entry("WIA_IPS_YRES", 6148), Map.entry("WIA_IPS_XPOS", 6149),
            Map.entry("WIA_IPS_YPOS", 6150), Map.entry("WIA_IPS_XEXTENT", 6151), Map.entry("WIA_IPS_YEXTENT", 6152),
            Map.entry("WIA_IPS_MAX_HORIZONTAL_SIZE", 6165), Map.entry("WIA_IPS_MAX_VERTICAL_SIZE", 6166));
    static final Map<String, Integer> HRESULTS = Map.of(
            "S_OK", 0, "S_FALSE", 1, "E_FAIL", 0x80004005, "E_NOINTERFACE", 0x80004002, "E_INVALIDARG", 0x80070057,
            "WIA_ERROR_PAPER_JAM", 0x80210002, "WIA_ERROR_PAPER_EMPTY", 0x80210003,
            "WIA_ERROR_OFFLINE", 0x80210005, "WIA_S_NO_DEVICE_AVAILABLE", 0x80210015);
    /** wiadef.h WIA_TRANSFER_MSG_*. */
    private static final Map<String, Integer> MESSAGES = Map.of(
            "STATUS", 1, "END_OF_STREAM", 2, "END_OF_TRANSFER", 3, "DEVICE_STATUS", 5);
    private static final Map<String, String> CREATES = Map.of(
            "IWiaDevMgr2.EnumDeviceInfo", "IEnumWIA_DEV_INFO", "IWiaDevMgr2.CreateDevice", "IWiaItem2",
            "IEnumWIA_DEV_INFO.Next", "IWiaPropertyStorage", "IEnumWiaItem2.Next", "IWiaItem2",
            "IWiaItem2.EnumChildItems", "IEnumWiaItem2", "IID_IWiaPropertyStorage", "IWiaPropertyStorage",
            "IID_IWiaTransfer", "IWiaTransfer");
    private static final int PROPSPEC_BYTES = 16;
    private static final int PROPVARIANT_BYTES = 24;
    private static final int VT_I4 = 3;
    private static final int VT_BSTR = 8;
    private static final int VT_CLSID = 72;
    private static final int VT_VECTOR_I4 = 0x1003;
    private static final int WRITE_CHUNK = 4096;

    private final Conversation conversation;
    private final Arena arena = Arena.ofConfined();
    private final Map<Long, Fake> objects = new HashMap<>();
    private final Set<Long> strings = new HashSet<>();
    private final Set<Long> vectors = new HashSet<>();
    private Throwable firstFailure;
    private MemorySegment driverStream = MemorySegment.NULL;
    private long streamBytes;
    private int streams;

    RecordedWia(Conversation conversation) {
        this.conversation = conversation;
    }

    /** A fake COM object: its label in the recording, interface, reference count; an IStream also holds bytes. */
    private final class Fake {
        private final String label;
        private final String iface;
        private final MemorySegment pointer;
        private int references = 1;
        private byte[] data = new byte[0];
        private int size;
        private long position;

        Fake(String label, String iface) {
            this.label = label;
            this.iface = iface;
            pointer = FakeCom.object(arena, iface, (method, arguments) -> guarded(this, method, arguments));
            objects.put(pointer.address(), this);
        }
    }

    /** One recorded call: {@code target.Method args -> HRESULT results}. */
    private record Call(String line, String name, List<String> arguments, int hresult, List<String> results) {
        static Call parse(String line) {
            String[] sides = line.split(" -> ");
            List<String> left = Arrays.asList(sides[0].trim().split(" "));
            List<String> right = sides.length > 1 ? Arrays.asList(sides[1].trim().split(" ")) : List.of("S_OK");
            return new Call(line, left.getFirst(), left.subList(1, left.size()), RecordedWia.hresult(right.getFirst()),
                    right.subList(1, right.size()));
        }

        String argument(String key) {
            return arguments.stream().filter(a -> a.startsWith(key + "=")).findFirst()
                    .map(a -> decode(a.substring(key.length() + 1))).orElseThrow(
                            () -> new AssertionError("recording lacks " + key + "= in " + line));
        }
    }

    private int guarded(Fake fake, String method, Object[] arguments) {
        boolean counting = method.equals("AddRef") || method.equals("Release");
        if (firstFailure != null) {
            return counting ? 0 : HRESULTS.get("E_FAIL");
        }
        try {
            return dispatch(fake, method, arguments);
        } catch (Throwable e) {
            firstFailure = e;
            return counting ? 0 : HRESULTS.get("E_FAIL");
        }
    }

    private int dispatch(Fake fake, String method, Object[] arguments) throws IOException {
        assertThat(fake.references).as("%s.%s called after its last Release", fake.label, method).isPositive();
        switch (method) {
            case "AddRef" -> {
                return ++fake.references;
            }
            case "Release" -> {
                return --fake.references;
            }
            default -> { }
        }
        if (method.startsWith("unexpected ")) {
            fail("the worker called %s on %s (%s)", method.substring(11), fake.label, fake.iface);
        }
        if (fake.iface.equals("IStream")) {
            return stream(fake, method, arguments);
        }
        Call call = Call.parse(conversation.next('='));
        assertThat(fake.label + "." + method).as("COM call, recorded: %s", call.line()).isEqualTo(call.name());
        answer(fake, method, call, arguments);
        return call.hresult();
    }

    private void answer(Fake fake, String method, Call call, Object[] arguments) throws IOException {
        switch (method) {
            case "QueryInterface" -> {
                String iid = call.arguments().getFirst();
                assertThat(bytes((MemorySegment) arguments[0], 16)).as("riid").isEqualTo(FakeCom.guid(GUIDS.get(iid)));
                created(call, CREATES.get(iid), (MemorySegment) arguments[1]);
            }
            case "EnumDeviceInfo" -> {
                assertThat((int) arguments[0]).as("lFlags").isEqualTo(Integer.parseInt(call.argument("flags")));
                created(call, CREATES.get(fake.iface + "." + method), (MemorySegment) arguments[1]);
            }
            case "CreateDevice" -> {
                assertThat((int) arguments[0]).as("lFlags").isZero();
                MemorySegment id = (MemorySegment) arguments[1];
                assertThat(strings).as("bstrDeviceID was made with SysAllocString").contains(id.address());
                assertThat(bstr(id)).as("bstrDeviceID").isEqualTo(call.argument("id"));
                created(call, CREATES.get(fake.iface + "." + method), (MemorySegment) arguments[2]);
            }
            case "Next" -> {
                assertThat((int) arguments[0]).as("celt").isEqualTo(1);
                created(call, CREATES.get(fake.iface + "." + method), (MemorySegment) arguments[1]);
                ((MemorySegment) arguments[2]).reinterpret(4).set(JAVA_INT, 0, call.hresult() == 0 ? 1 : 0);
            }
            case "EnumChildItems" -> {
                assertThat((MemorySegment) arguments[0]).as("pCategoryGUID (all children)")
                        .isEqualTo(MemorySegment.NULL);
                created(call, CREATES.get(fake.iface + "." + method), (MemorySegment) arguments[1]);
            }
            case "GetItemCategory" -> MemorySegment.copy(FakeCom.guid(GUIDS.get(call.results().getFirst())), 0,
                    ((MemorySegment) arguments[0]).reinterpret(16), JAVA_BYTE, 0, 16);
            case "ReadMultiple" -> {
                String[] names = checkSpecs(call, (int) arguments[0], (MemorySegment) arguments[1]);
                MemorySegment variants = ((MemorySegment) arguments[2]).reinterpret((long) PROPVARIANT_BYTES * names.length);
                for (int i = 0; i < names.length; i++) {
                    putValue(variants.asSlice((long) PROPVARIANT_BYTES * i, PROPVARIANT_BYTES), call.results().get(i));
                }
            }
            case "WriteMultiple" -> {
                String[] written = call.arguments().getFirst().split("=", 2);
                call = new Call(call.line(), call.name(), List.of(written[0]), call.hresult(), call.results());
                checkSpecs(call, (int) arguments[0], (MemorySegment) arguments[1]);
                assertThat(value(((MemorySegment) arguments[2]).reinterpret(PROPVARIANT_BYTES)))
                        .as("value written to %s", written[0]).isEqualTo(written[1]);
                assertThat((int) arguments[3]).as("propidNameFirst (PID_FIRST_USABLE or above)").isGreaterThanOrEqualTo(2);
            }
            case "GetPropertyAttributes" -> {
                String[] names = checkSpecs(call, (int) arguments[0], (MemorySegment) arguments[1]);
                MemorySegment flags = ((MemorySegment) arguments[2]).reinterpret(4L * names.length);
                MemorySegment variants = ((MemorySegment) arguments[3]).reinterpret((long) PROPVARIANT_BYTES * names.length);
                for (int i = 0; i < names.length; i++) {
                    putAttribute(flags, i, variants.asSlice((long) PROPVARIANT_BYTES * i, PROPVARIANT_BYTES),
                            call.results().get(i));
                }
            }
            case "Download" -> {
                assertThat((int) arguments[0]).as("lFlags").isEqualTo(Integer.parseInt(call.argument("flags")));
                drive((MemorySegment) arguments[1]);
            }
            default -> fail("no replay for %s.%s", fake.iface, method);
        }
    }

    /** An out-parameter object: a new fake named by the recording on success, NULL otherwise. */
    private void created(Call call, String iface, MemorySegment out) {
        MemorySegment pointer = MemorySegment.NULL;
        if (call.hresult() == 0) {
            pointer = new Fake(call.results().getFirst(), iface).pointer;
        }
        out.reinterpret(8).set(ADDRESS, 0, pointer);
    }

    /** PROPSPEC[] at 16 bytes each: ulKind PRSPEC_PROPID (1) at 0, the PROPID at 8. */
    private static String[] checkSpecs(Call call, int count, MemorySegment specs) {
        String[] names = call.arguments().getFirst().split(",");
        assertThat(count).as("cpspec of %s", call.line()).isEqualTo(names.length);
        MemorySegment all = specs.reinterpret((long) PROPSPEC_BYTES * count);
        for (int i = 0; i < count; i++) {
            assertThat(all.get(JAVA_INT, (long) PROPSPEC_BYTES * i)).as("ulKind of %s", names[i]).isEqualTo(1);
            assertThat(all.get(JAVA_INT, (long) PROPSPEC_BYTES * i + 8)).as("propid of %s", names[i])
                    .isEqualTo(PROPERTIES.get(names[i]));
        }
        return names;
    }

    /** {@code I4:n}, {@code BSTR:text} or {@code EMPTY} into a PROPVARIANT (vt at 0, value at 8). */
    private void putValue(MemorySegment variant, String value) {
        String[] parts = value.split(":", 2);
        switch (parts[0]) {
            case "I4" -> {
                variant.set(JAVA_SHORT, 0, (short) VT_I4);
                variant.set(JAVA_INT, 8, Integer.parseInt(parts[1]));
            }
            case "BSTR" -> {
                variant.set(JAVA_SHORT, 0, (short) VT_BSTR);
                variant.set(ADDRESS, 8, allocString(decode(parts[1])));
            }
            case "EMPTY" -> variant.set(JAVA_SHORT, 0, (short) 0);
            default -> fail("value %s", value);
        }
    }

    /** A PROPVARIANT the worker wrote, as the recording spells it: {@code I4:n} or {@code CLSID:name}. */
    private static String value(MemorySegment variant) {
        int type = variant.get(JAVA_SHORT, 0);
        if (type == VT_I4) {
            return "I4:" + variant.get(JAVA_INT, 8);
        }
        if (type == VT_CLSID) {
            byte[] guid = bytes(variant.get(ADDRESS, 8), 16);
            return "CLSID:" + GUIDS.entrySet().stream().filter(e -> Arrays.equals(FakeCom.guid(e.getValue()), guid))
                    .map(Map.Entry::getKey).findFirst().orElse(Arrays.toString(guid));
        }
        return "vt " + type;
    }

    /**
     * {@code LIST:v1,v2,..} (flags READ|WRITE|LIST, vector [count, nominal, values...]) or {@code RANGE:min,nom,
     * max,step} (READ|WRITE|RANGE, vector [min, nom, max, step]), as wiadef.h's WIA_LIST_* / WIA_RANGE_* index them.
     */
    private void putAttribute(MemorySegment flags, int index, MemorySegment variant, String attribute) {
        String[] parts = attribute.split(":", 2);
        int[] values = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int[] vector;
        if (parts[0].equals("LIST")) {
            flags.setAtIndex(JAVA_INT, index, 0x01 | 0x02 | 0x20);
            vector = new int[values.length + 2];
            vector[0] = values.length;
            vector[1] = values[0];
            System.arraycopy(values, 0, vector, 2, values.length);
        } else {
            assertThat(parts[0]).isEqualTo("RANGE");
            flags.setAtIndex(JAVA_INT, index, 0x01 | 0x02 | 0x10);
            vector = values;
        }
        MemorySegment elements = arena.allocateFrom(JAVA_INT, vector);
        vectors.add(elements.address());
        variant.set(JAVA_SHORT, 0, (short) VT_VECTOR_I4);
        variant.set(JAVA_INT, 8, vector.length);
        variant.set(ADDRESS, 16, elements);
    }

    /** The driver's side of IWiaTransfer::Download: the {@code !} lines, calling the worker's callback. */
    private void drive(MemorySegment callback) throws IOException {
        assertThat(callback).as("pIWiaTransferCallback").isNotEqualTo(MemorySegment.NULL);
        MemorySegment out = arena.allocate(ADDRESS);
        Com.call(callback, 1, Com.method());
        assertThat(Com.call(callback, 0, Com.method(ADDRESS, ADDRESS), guidSegment("IID_IWiaTransferCallback"), out))
                .as("QueryInterface(IID_IWiaTransferCallback)").isZero();
        assertThat(out.get(ADDRESS, 0)).as("the callback itself").isEqualTo(callback);
        Com.call(callback, 2, Com.method());
        assertThat(Com.call(callback, 0, Com.method(ADDRESS, ADDRESS), guidSegment("IID_IStream"), out))
                .as("QueryInterface(IID_IStream)").isEqualTo(HRESULTS.get("E_NOINTERFACE"));
        assertThat(out.get(ADDRESS, 0)).isEqualTo(MemorySegment.NULL);
        while (conversation.nextIs('!')) {
            Call action = Call.parse(conversation.next('!'));
            switch (action.name()) {
                case "GetNextStream" -> nextStream(callback, action);
                case "write" -> writePage(action);
                case "TransferCallback" -> transferCallback(callback, action);
                default -> fail("driver action %s", action.line());
            }
        }
        // A transfer that ended before the page was written: the driver lets go of its stream.
        if (!driverStream.equals(MemorySegment.NULL)) {
            Com.call(driverStream, 2, Com.method());
            driverStream = MemorySegment.NULL;
        }
        Com.call(callback, 2, Com.method());
    }

    private void nextStream(MemorySegment callback, Call action) {
        MemorySegment name = bstrIn(arena, action.arguments().getFirst());
        MemorySegment out = arena.allocate(ADDRESS);
        int hresult = Com.call(callback, FakeCom.CALLBACK_GET_NEXT_STREAM, Com.method(JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
                0, name, name, out);
        assertThat(hresult).as(action.line()).isEqualTo(action.hresult());
        MemorySegment stream = out.get(ADDRESS, 0);
        if (hresult != 0) {
            assertThat(stream).as("no stream with %s", action.line()).isEqualTo(MemorySegment.NULL);
            return;
        }
        Fake fake = objects.get(stream.address());
        assertThat(fake).as("*ppDestination is a stream from CreateStreamOnHGlobal").isNotNull();
        assertThat(fake.iface).isEqualTo("IStream");
        assertThat(fake.references).as("the worker keeps a reference and gives the driver one").isEqualTo(2);
        driverStream = stream;
        streamBytes = 0;
    }

    /** {@code write WxH}: a 24-bit BMP of that size through IStream::Write, then the driver's reference goes. */
    private void writePage(Call action) throws IOException {
        String[] size = action.arguments().getFirst().split("x");
        BufferedImage image = new BufferedImage(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 3 & 0xff) << 8 | (x + y) & 0xff);
            }
        }
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "bmp", bmp)).isTrue();
        byte[] bytes = bmp.toByteArray();
        MemorySegment count = arena.allocate(JAVA_INT);
        for (int at = 0; at < bytes.length; at += WRITE_CHUNK) {
            int length = Math.min(WRITE_CHUNK, bytes.length - at);
            MemorySegment chunk = arena.allocateFrom(JAVA_BYTE, Arrays.copyOfRange(bytes, at, at + length));
            assertThat(Com.call(driverStream, FakeCom.STREAM_WRITE, Com.method(ADDRESS, JAVA_INT, ADDRESS), chunk,
                    length, count)).isZero();
            assertThat(count.get(JAVA_INT, 0)).isEqualTo(length);
        }
        streamBytes = bytes.length;
        Com.call(driverStream, 2, Com.method());
        driverStream = MemorySegment.NULL;
    }

    /** {@code TransferCallback MESSAGE [percent|HRESULT]}: WiaTransferParams (24 bytes) as wia_lh.h lays it out. */
    private void transferCallback(MemorySegment callback, Call action) {
        MemorySegment params = arena.allocate(24, 8);
        int message = MESSAGES.get(action.arguments().getFirst());
        String detail = action.arguments().size() > 1 ? action.arguments().get(1) : "100";
        boolean status = HRESULTS.containsKey(detail);
        params.set(JAVA_INT, 0, message);
        params.set(JAVA_INT, 4, status ? 0 : Integer.parseInt(detail));
        params.set(JAVA_LONG, 8, streamBytes);
        params.set(JAVA_INT, 16, status ? HRESULTS.get(detail) : 0);
        assertThat(Com.call(callback, FakeCom.CALLBACK_TRANSFER_CALLBACK, Com.method(JAVA_INT, ADDRESS), 0, params))
                .as(action.line()).isEqualTo(action.hresult());
    }

    /** A working memory stream (what CreateStreamOnHGlobal gives): Read, Write, Seek. */
    private static int stream(Fake stream, String method, Object[] arguments) {
        switch (method) {
            case "Write" -> {
                int length = (int) arguments[1];
                byte[] bytes = ((MemorySegment) arguments[0]).reinterpret(length).toArray(JAVA_BYTE);
                int end = (int) stream.position + length;
                if (end > stream.data.length) {
                    stream.data = Arrays.copyOf(stream.data, Math.max(end, stream.data.length * 2));
                }
                System.arraycopy(bytes, 0, stream.data, (int) stream.position, length);
                stream.position = end;
                stream.size = Math.max(stream.size, end);
                putCount((MemorySegment) arguments[2], length);
            }
            case "Read" -> {
                int length = (int) Math.min((int) arguments[1], stream.size - stream.position);
                MemorySegment.copy(stream.data, (int) stream.position, ((MemorySegment) arguments[0]).reinterpret(length),
                        JAVA_BYTE, 0, length);
                stream.position += length;
                putCount((MemorySegment) arguments[2], length);
                return length < (int) arguments[1] ? 1 : 0;
            }
            case "Seek" -> {
                long move = (long) arguments[0];
                int origin = (int) arguments[1];
                assertThat(origin).as("dwOrigin (SET 0, CUR 1, END 2)").isBetween(0, 2);
                stream.position = (origin == 0 ? 0 : origin == 1 ? stream.position : stream.size) + move;
                MemorySegment newPosition = (MemorySegment) arguments[2];
                if (!newPosition.equals(MemorySegment.NULL)) {
                    newPosition.reinterpret(8).set(JAVA_LONG, 0, stream.position);
                }
            }
            default -> fail("IStream::%s", method);
        }
        return 0;
    }

    private static void putCount(MemorySegment out, int count) {
        if (!out.equals(MemorySegment.NULL)) {
            out.reinterpret(4).set(JAVA_INT, 0, count);
        }
    }

    private Call nativeCall(String function) {
        Call call = Call.parse(conversation.next('='));
        assertThat(call.name()).as("call, recorded: %s", call.line()).isEqualTo(function);
        return call;
    }

    @Override
    public int initialize() {
        return nativeCall("CoInitializeEx").hresult();
    }

    @Override
    public int createInstance(MemorySegment clsid, MemorySegment iid, MemorySegment out) {
        Call call = nativeCall("CoCreateInstance");
        assertThat(bytes(clsid, 16)).as("rclsid").isEqualTo(FakeCom.guid(GUIDS.get(call.arguments().get(0))));
        assertThat(bytes(iid, 16)).as("riid").isEqualTo(FakeCom.guid(GUIDS.get(call.arguments().get(1))));
        created(call, "IWiaDevMgr2", out);
        return call.hresult();
    }

    /** Not recorded: the worker makes one per page inside GetNextStream; counted like every object. */
    @Override
    public int createStream(MemorySegment out) {
        if (firstFailure != null) {
            return HRESULTS.get("E_FAIL");
        }
        out.set(ADDRESS, 0, new Fake("stream" + ++streams, "IStream").pointer);
        return 0;
    }

    @Override
    public MemorySegment allocString(String text) {
        MemorySegment bstr = bstrIn(arena, text);
        strings.add(bstr.address());
        return bstr;
    }

    /** A BSTR: the byte length in the 4 bytes before the characters, which end in a 0 char. */
    private static MemorySegment bstrIn(Arena arena, String text) {
        MemorySegment block = arena.allocate(4 + 2L * text.length() + 2, 4);
        block.set(JAVA_INT, 0, 2 * text.length());
        MemorySegment.copy(text.toCharArray(), 0, block, JAVA_CHAR, 4, text.length());
        return block.asSlice(4);
    }

    private static String bstr(MemorySegment bstr) {
        int bytes = MemorySegment.ofAddress(bstr.address() - 4).reinterpret(4).get(JAVA_INT, 0);
        return new String(bstr.reinterpret(bytes).toArray(JAVA_CHAR));
    }

    @Override
    public void freeString(MemorySegment bstr) {
        assertThat(strings.remove(bstr.address())).as("SysFreeString of a BSTR from SysAllocString").isTrue();
    }

    /** PropVariantClear: frees the BSTR or vector the fake allocated, then the variant is VT_EMPTY. */
    @Override
    public void clearVariant(MemorySegment variant) {
        int type = variant.get(JAVA_SHORT, 0);
        if (type == VT_BSTR) {
            freeString(variant.get(ADDRESS, 8));
        } else if (type == VT_VECTOR_I4) {
            assertThat(vectors.remove(variant.get(ADDRESS, 16).address())).as("vector freed once").isTrue();
        }
        variant.fill((byte) 0);
    }

    @Override
    public void uninitialize() {
        nativeCall("CoUninitialize");
    }

    /** Rethrows the first mismatch found inside an upcall, where it could not be thrown. */
    void rethrowFailure() {
        if (firstFailure instanceof Error e) {
            throw e;
        }
        if (firstFailure != null) {
            throw new IllegalStateException(firstFailure);
        }
    }

    /** Every object released, every BSTR and vector freed. */
    void assertAllReleased() {
        rethrowFailure();
        assertThat(objects.values().stream().filter(f -> f.references != 0)
                .map(f -> f.label + " (" + f.iface + ") references " + f.references).toList())
                .as("COM objects not released to zero").isEmpty();
        assertThat(strings).as("BSTRs not freed").isEmpty();
        assertThat(vectors).as("PROPVARIANT vectors not cleared").isEmpty();
        arena.close();
    }

    private MemorySegment guidSegment(String name) {
        return arena.allocateFrom(JAVA_BYTE, FakeCom.guid(GUIDS.get(name)));
    }

    private static byte[] bytes(MemorySegment pointer, int length) {
        return pointer.reinterpret(length).toArray(JAVA_BYTE);
    }

    private static int hresult(String name) {
        return HRESULTS.containsKey(name) ? HRESULTS.get(name) : (int) Long.parseLong(name.substring(2), 16);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
