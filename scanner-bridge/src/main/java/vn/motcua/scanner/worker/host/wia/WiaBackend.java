package vn.motcua.scanner.worker.host.wia;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.Side;
import vn.motcua.scanner.worker.BridgeMessage;
import vn.motcua.scanner.worker.host.WorkerBackend;

/**
 * The bridge protocol on WIA 2.0, through COM from the worker's one thread (a single-threaded apartment, so the
 * driver's callbacks arrive on this thread while it waits in Download). LIST enumerates IWiaDevMgr2's devices;
 * CAPS and SCAN open the device ({@code CreateDevice}) and find its flatbed and feeder child items by category.
 * WIA 2.0 expresses "flatbed or feeder" as those items, not as WIA 1.0's root properties, so CAPS folds them back
 * into the names the bridge protocol uses: WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES (FLAT if there is a flatbed
 * item, FEED if a feeder item, DUP if the feeder item says so), WIA_IPA_DATATYPE and WIA_IPS_XRES from the
 * feeder item (else the flatbed), the bed and sheet-feed sizes from each item's WIA_IPS_MAX_HORIZONTAL/VERTICAL_SIZE.
 * SET WIA_DPS_DOCUMENT_HANDLING_SELECT chooses the item (and duplex on the feeder); later SETs write to it. SCAN
 * asks for BMP (driver rules require it of feeder items) and downloads through {@link TransferCallback}, page by page.
 * Every COM reference obtained is released: per call, or with the device on BYE.
 */
public final class WiaBackend implements WorkerBackend {

    private static final int MAX_DEVICES = 1_000;
    private static final int MAX_ITEMS = 100;

    private final ComLibrary com;
    private final Arena session = Arena.ofShared();
    private final TransferCallback callback;
    private final MemorySegment flatbedCategory;
    private final MemorySegment feederCategory;
    private boolean initialized;
    private MemorySegment manager = MemorySegment.NULL;
    private Device device;
    private Item selected;
    private boolean duplex;

    public WiaBackend(ComLibrary com) {
        this.com = com;
        callback = new TransferCallback(com, session);
        flatbedCategory = Com.guid(session, Wia.WIA_CATEGORY_FLATBED);
        feederCategory = Com.guid(session, Wia.WIA_CATEGORY_FEEDER);
    }

    /** A flatbed or feeder item and its property storage (both references owned). */
    private record Item(MemorySegment item, MemorySegment properties, boolean feeder) {
    }

    /** An open device: its root item and the child items the worker uses. */
    private static final class Device {
        private final String id;
        private final MemorySegment root;
        private Item flatbed;
        private Item feeder;

        Device(String id, MemorySegment root) {
            this.id = id;
            this.root = root;
        }
    }

    /** A refusal in the worker's own terms, already in the form the client reads. */
    private static final class Failure extends Exception {
        private final transient BridgeMessage answer;

        Failure(String code, String detail) {
            super(detail, null, false, false);
            answer = BridgeMessage.of("ERROR", "source", "worker", "code", code, "detail", detail);
        }
    }

    @Override
    public void handle(BridgeMessage request, Sender out) throws IOException {
        try {
            switch (request.verb()) {
                case "LIST" -> list(out);
                case "CAPS" -> capabilities(request.require("id"), out);
                case "SET" -> {
                    set(request.require("name"), request.require("value"));
                    out.send(BridgeMessage.of("OK"));
                }
                case "SCAN" -> scan(request.require("id"), out);
                case "LAYOUT" -> throw new Failure("UNSUPPORTED_SETTINGS",
                        "LAYOUT is a TWAIN request; WIA takes the scan area as WIA_IPS_XPOS/YPOS/XEXTENT/YEXTENT");
                default -> throw new Failure("DEVICE_ERROR", "unknown request " + request.verb());
            }
        } catch (HResultException e) {
            out.send(wiaError(e.hresult(), e.getMessage()));
        } catch (Failure e) {
            out.send(e.answer);
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.send(BridgeMessage.of("ERROR", "source", "worker", "code", "DEVICE_ERROR", "detail",
                    String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void cancel() {
        callback.cancel();
    }

    @Override
    public void close() {
        closeDevice();
        Com.release(manager);
        manager = MemorySegment.NULL;
        if (initialized) {
            com.uninitialize();
            initialized = false;
        }
        session.close();
    }

    private void startCom() throws HResultException {
        if (!initialized) {
            HResultException.check(com.initialize(), "CoInitializeEx");
            initialized = true;
        }
        if (manager.equals(MemorySegment.NULL)) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                HResultException.check(com.createInstance(Com.guid(arena, Wia.CLSID_WIA_DEV_MGR2),
                        Com.guid(arena, Wia.IID_IWIA_DEV_MGR2), out), "CoCreateInstance(WiaDevMgr2)");
                manager = out.get(ADDRESS, 0);
            }
        }
    }

    private void list(Sender out) throws IOException, HResultException {
        startCom();
        MemorySegment devices = created(Wia.DEV_MGR_ENUM_DEVICE_INFO, manager, "IWiaDevMgr2::EnumDeviceInfo",
                Wia.WIA_DEVINFO_ENUM_LOCAL);
        try {
            for (int n = 0; n < MAX_DEVICES; n++) {
                MemorySegment info = next(devices, "IEnumWIA_DEV_INFO::Next");
                if (info.equals(MemorySegment.NULL)) {
                    break;
                }
                try {
                    List<Object> values = read(info, Wia.WIA_DIP_DEV_ID, Wia.WIA_DIP_DEV_NAME);
                    out.send(BridgeMessage.of("DEVICE", "id", String.valueOf(values.get(0)),
                            "name", String.valueOf(values.get(1))));
                } finally {
                    Com.release(info);
                }
            }
        } finally {
            Com.release(devices);
        }
        out.send(BridgeMessage.of("END"));
    }

    private void capabilities(String id, Sender out) throws IOException, HResultException, Failure {
        Device open = open(id);
        int handling = (open.flatbed != null ? Wia.FLAT : 0) | (open.feeder != null ? Wia.FEED : 0);
        List<Object> feeder = open.feeder == null ? null : read(open.feeder.properties(),
                Wia.WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES, Wia.WIA_IPS_MAX_HORIZONTAL_SIZE, Wia.WIA_IPS_MAX_VERTICAL_SIZE);
        if (feeder != null && feeder.getFirst() instanceof Long feederCaps && (feederCaps & Wia.DUP) != 0) {
            handling |= Wia.DUP;
        }
        List<Object> bed = open.flatbed == null ? null : read(open.flatbed.properties(),
                Wia.WIA_IPS_MAX_HORIZONTAL_SIZE, Wia.WIA_IPS_MAX_VERTICAL_SIZE);
        List<BridgeMessage> lines = new ArrayList<>();
        lines.add(prop("WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES", handling));
        lines.addAll(attributes(open.feeder != null ? open.feeder : open.flatbed));
        if (bed != null) {
            addSize(lines, "WIA_DPS_HORIZONTAL_BED_SIZE", bed.get(0));
            addSize(lines, "WIA_DPS_VERTICAL_BED_SIZE", bed.get(1));
        }
        if (feeder != null) {
            addSize(lines, "WIA_DPS_HORIZONTAL_SHEET_FEED_SIZE", feeder.get(1));
            addSize(lines, "WIA_DPS_VERTICAL_SHEET_FEED_SIZE", feeder.get(2));
        }
        for (BridgeMessage line : lines) {
            out.send(line);
        }
        out.send(BridgeMessage.of("END"));
    }

    private static void addSize(List<BridgeMessage> lines, String name, Object thousandths) {
        if (thousandths instanceof Long value) {
            lines.add(prop(name, value));
        }
    }

    private static BridgeMessage prop(String name, long value) {
        return BridgeMessage.of("PROP", "name", name, "value", Long.toString(value));
    }

    /** WIA_IPA_DATATYPE and WIA_IPS_XRES as lists or ranges (GetPropertyAttributes); others are left out. */
    private List<BridgeMessage> attributes(Item item) throws HResultException {
        String[] names = {"WIA_IPA_DATATYPE", "WIA_IPS_XRES"};
        List<BridgeMessage> lines = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flags = arena.allocate(JAVA_INT, names.length);
            MemorySegment variants = PropVariants.variants(arena, names.length);
            int hresult = Com.call(item.properties(), Wia.PROPS_GET_PROPERTY_ATTRIBUTES,
                    Com.method(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), names.length,
                    PropVariants.specs(arena, Wia.WIA_IPA_DATATYPE, Wia.WIA_IPS_XRES), flags, variants);
            try {
                HResultException.check(hresult, "IWiaPropertyStorage::GetPropertyAttributes");
                for (int i = 0; i < names.length; i++) {
                    List<Long> vector = PropVariants.vector(PropVariants.at(variants, i));
                    int flag = flags.getAtIndex(JAVA_INT, i);
                    if ((flag & Wia.WIA_PROP_LIST) != 0 && vector.size() >= Wia.WIA_LIST_VALUES) {
                        lines.add(BridgeMessage.of("PROP", "name", names[i], "values", String.join(",",
                                vector.subList(Wia.WIA_LIST_VALUES, vector.size()).stream().map(String::valueOf)
                                        .toList())));
                    } else if ((flag & Wia.WIA_PROP_RANGE) != 0 && vector.size() > Wia.WIA_RANGE_STEP) {
                        lines.add(BridgeMessage.of("PROP", "name", names[i],
                                "min", vector.get(Wia.WIA_RANGE_MIN).toString(),
                                "max", vector.get(Wia.WIA_RANGE_MAX).toString(),
                                "step", vector.get(Wia.WIA_RANGE_STEP).toString()));
                    } else {
                        System.err.println("worker: " + names[i] + " is neither a list nor a range (flags 0x"
                                + Integer.toHexString(flag) + "), left out");
                    }
                }
            } finally {
                clear(variants, names.length);
            }
        }
        return lines;
    }

    private void set(String name, String value) throws HResultException, Failure {
        if (device == null) {
            throw new Failure("DEVICE_ERROR", "SET before CAPS or SCAN opened a device");
        }
        int id = Wia.settable(name).orElseThrow(() -> new Failure("UNSUPPORTED_SETTINGS",
                "property not known to the worker: " + name));
        int number = Integer.parseInt(value);
        if (id == Wia.WIA_IPS_DOCUMENT_HANDLING_SELECT) {
            select(number, name, value);
        } else if (id != Wia.WIA_IPS_PAGES || selected.feeder()) {
            // WIA 2.0 flatbed items have no page count: a flatbed scans one page.
            int hresult = write(selected, id, number);
            if (Com.failed(hresult)) {
                refuse(hresult, name, value);
            }
        }
    }

    /** Flatbed or feeder is the choice of item in WIA 2.0; duplex is the feeder item's own select property. */
    private void select(int select, String name, String value) throws HResultException, Failure {
        boolean feeder = (select & Wia.FEEDER) != 0;
        Item item = feeder ? device.feeder : device.flatbed;
        if (item == null) {
            throw new Failure("UNSUPPORTED_SETTINGS", device.id + " has no " + (feeder ? "feeder" : "flatbed"));
        }
        selected = item;
        duplex = feeder && (select & Wia.DUPLEX) != 0;
        if (feeder) {
            int hresult = write(item, Wia.WIA_IPS_DOCUMENT_HANDLING_SELECT, duplex ? Wia.DUPLEX : Wia.FRONT_ONLY);
            if (Com.failed(hresult) && duplex) {
                refuse(hresult, name, value);
            }
            if (Com.failed(hresult)) {
                // A simplex-only feeder may not have the property at all: front only is what it does anyway.
                System.err.println("worker: feeder did not take FRONT_ONLY: " + Wia.hresultName(hresult));
            }
        }
    }

    /** E_INVALIDARG is the driver refusing the value; other failures are the device's and keep their HRESULT. */
    private static void refuse(int hresult, String name, String value) throws HResultException, Failure {
        String call = "IWiaPropertyStorage::WriteMultiple " + name + "=" + value;
        if (hresult == 0x80070057) {
            throw new Failure("UNSUPPORTED_SETTINGS", "E_INVALIDARG in " + call);
        }
        throw new HResultException(hresult, call);
    }

    private void scan(String id, Sender out) throws IOException, HResultException, Failure {
        open(id);
        Item item = selected;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment variant = PropVariants.variants(arena, 1);
            PropVariants.setClsid(variant, Com.guid(arena, Wia.WIA_IMG_FMT_BMP));
            HResultException.check(writeMultiple(item, arena, Wia.WIA_IPA_FORMAT, variant),
                    "IWiaPropertyStorage::WriteMultiple WIA_IPA_FORMAT=WiaImgFmt_BMP");
        }
        Object resolution = read(item.properties(), Wia.WIA_IPS_XRES).getFirst();
        int dpi = resolution instanceof Long value ? value.intValue() : 0;
        PaperSource source = !item.feeder() ? PaperSource.FLATBED : duplex ? PaperSource.DUPLEX : PaperSource.FEEDER;
        MemorySegment transfer;
        try (Arena arena = Arena.ofConfined()) {
            transfer = Com.queryInterface(item.item(), Com.guid(arena, Wia.IID_IWIA_TRANSFER), "IWiaTransfer");
        }
        int[] delivered = {0};
        int hresult;
        boolean cancelled;
        try {
            hresult = callback.download(transfer, image -> {
                delivered[0]++;
                out.send(page(delivered[0], source, dpi, image));
            });
            callback.rethrowFailure();
            cancelled = callback.cancelled();
        } finally {
            Com.release(transfer);
            callback.reset();
        }
        int error = callback.deviceError() != 0 ? callback.deviceError() : Com.failed(hresult) ? hresult : 0;
        String pages = "pages delivered: " + delivered[0];
        if (cancelled) {
            throw new Failure("CANCELLED", pages);
        } else if (error != 0) {
            out.send(wiaError(error, Wia.hresultName(error) + " in IWiaTransfer::Download, " + pages));
        } else if (hresult == Com.S_FALSE) {
            throw new Failure("CANCELLED", "the driver ended the transfer (S_FALSE), " + pages);
        } else {
            out.send(BridgeMessage.of("DONE"));
        }
    }

    private static BridgeMessage page(int number, PaperSource source, int dpi, byte[] image) {
        return BridgeMessage.of("PAGE", "number", Integer.toString(number),
                "sheet", Integer.toString(source.sheetOf(number)),
                "side", source.sideOf(number) == Side.BACK ? "back" : "front",
                "dpi", Integer.toString(dpi), "format", "bmp").withPayload(image);
    }

    /** The device {@code id}, opened once per worker: root item, then its flatbed and feeder child items. */
    private Device open(String id) throws HResultException, Failure {
        if (device != null && device.id.equals(id)) {
            return device;
        }
        closeDevice();
        startCom();
        MemorySegment name = com.allocString(id);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            HResultException.check(Com.call(manager, Wia.DEV_MGR_CREATE_DEVICE,
                    Com.method(JAVA_INT, ADDRESS, ADDRESS), 0, name, out), "IWiaDevMgr2::CreateDevice");
            device = new Device(id, out.get(ADDRESS, 0));
        } finally {
            com.freeString(name);
        }
        findItems(device);
        selected = device.flatbed != null ? device.flatbed : device.feeder;
        duplex = false;
        if (selected == null) {
            throw new Failure("DEVICE_ERROR", id + " has neither a flatbed nor a feeder item");
        }
        return device;
    }

    private void findItems(Device open) throws HResultException {
        MemorySegment children;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            // A null category enumerates every child item.
            HResultException.check(Com.call(open.root, Wia.ITEM_ENUM_CHILD_ITEMS, Com.method(ADDRESS, ADDRESS),
                    MemorySegment.NULL, out), "IWiaItem2::EnumChildItems");
            children = out.get(ADDRESS, 0);
        }
        try {
            for (int n = 0; n < MAX_ITEMS; n++) {
                MemorySegment child = next(children, "IEnumWiaItem2::Next");
                if (child.equals(MemorySegment.NULL)) {
                    break;
                }
                keepIfScanning(open, child);
            }
        } finally {
            Com.release(children);
        }
    }

    /** Keeps the first flatbed and the first feeder item (with their property storage); releases the rest. */
    private void keepIfScanning(Device open, MemorySegment child) throws HResultException {
        boolean kept = false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment category = arena.allocate(16, 4);
            HResultException.check(Com.call(child, Wia.ITEM_GET_ITEM_CATEGORY, Com.method(ADDRESS), category),
                    "IWiaItem2::GetItemCategory");
            boolean flatbed = Com.sameGuid(category, flatbedCategory) && open.flatbed == null;
            boolean feeder = Com.sameGuid(category, feederCategory) && open.feeder == null;
            if (flatbed || feeder) {
                Item item = new Item(child, Com.queryInterface(child,
                        Com.guid(arena, Wia.IID_IWIA_PROPERTY_STORAGE), "IWiaPropertyStorage"), feeder);
                kept = true;
                if (feeder) {
                    open.feeder = item;
                } else {
                    open.flatbed = item;
                }
            }
        } finally {
            if (!kept) {
                Com.release(child);
            }
        }
    }

    private void closeDevice() {
        if (device != null) {
            for (Item item : new Item[] {device.flatbed, device.feeder}) {
                if (item != null) {
                    Com.release(item.properties());
                    Com.release(item.item());
                }
            }
            Com.release(device.root);
            device = null;
            selected = null;
        }
    }

    /** A method that creates one object: {@code (LONG flags, T** out)}. */
    private static MemorySegment created(int slot, MemorySegment object, String call, int flags)
            throws HResultException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            HResultException.check(Com.call(object, slot, Com.method(JAVA_INT, ADDRESS), flags, out), call);
            return out.get(ADDRESS, 0);
        }
    }

    /** {@code Next(1, &element, &fetched)} of an enumerator; NULL at the end. */
    private static MemorySegment next(MemorySegment enumerator, String call) throws HResultException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment element = arena.allocate(ADDRESS);
            MemorySegment fetched = arena.allocate(JAVA_INT);
            int hresult = HResultException.check(Com.call(enumerator, Wia.ENUM_NEXT,
                    Com.method(JAVA_INT, ADDRESS, ADDRESS), 1, element, fetched), call);
            return hresult == Com.S_OK && fetched.get(JAVA_INT, 0) == 1 ? element.get(ADDRESS, 0) : MemorySegment.NULL;
        }
    }

    /** ReadMultiple of {@code ids}: each a Long (VT_I4/VT_UI4), a String (VT_BSTR) or null (absent, other types). */
    private List<Object> read(MemorySegment properties, int... ids) throws HResultException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment variants = PropVariants.variants(arena, ids.length);
            int hresult = Com.call(properties, Wia.PROPS_READ_MULTIPLE, Com.method(JAVA_INT, ADDRESS, ADDRESS),
                    ids.length, PropVariants.specs(arena, ids), variants);
            try {
                HResultException.check(hresult, "IWiaPropertyStorage::ReadMultiple");
                List<Object> values = new ArrayList<>(ids.length);
                for (int i = 0; i < ids.length; i++) {
                    MemorySegment variant = PropVariants.at(variants, i);
                    Object value = PropVariants.type(variant) == PropVariants.VT_BSTR ? PropVariants.text(variant)
                            : PropVariants.number(variant).isPresent() ? (Object) PropVariants.number(variant)
                            .getAsLong() : null;
                    values.add(value);
                }
                return values;
            } finally {
                clear(variants, ids.length);
            }
        }
    }

    /** Every PROPVARIANT a callee filled is cleared, whatever its type (strings and vectors are allocated). */
    private void clear(MemorySegment variants, int count) {
        for (int i = 0; i < count; i++) {
            com.clearVariant(PropVariants.at(variants, i));
        }
    }

    private static int write(Item item, int id, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment variant = PropVariants.variants(arena, 1);
            PropVariants.setI4(variant, value);
            return writeMultiple(item, arena, id, variant);
        }
    }

    private static int writeMultiple(Item item, Arena arena, int id, MemorySegment variant) {
        return Com.call(item.properties(), Wia.PROPS_WRITE_MULTIPLE,
                Com.method(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), 1, PropVariants.specs(arena, id), variant,
                Wia.WIA_IPA_FIRST);
    }

    private static BridgeMessage wiaError(int hresult, String detail) {
        return BridgeMessage.of("ERROR", "source", "wia", "hresult", Com.hex(hresult), "detail", detail);
    }
}
