package vn.motcua.scanner.worker.host.wia;

import java.util.Map;
import java.util.Optional;

/**
 * WIA 2.0 constants from the Windows SDK: GUIDs (wiaguid / wiadef.h), property ids and flags (wiadef.h), vtable
 * slots (wia_lh.h, objidl.h for IStream) and HRESULT names. Sources are listed in decision 0403.
 */
final class Wia {

    static final String CLSID_WIA_DEV_MGR2 = "{B6C292BC-7C88-41EE-8B54-8EC92617E599}";
    static final String IID_IWIA_DEV_MGR2 = "{79C07CF1-CBDD-41EE-8EC3-F00080CADA7A}";
    static final String IID_IWIA_PROPERTY_STORAGE = "{98B5E8A0-29CC-491A-AAC0-E6DB4FDCCEB6}";
    static final String IID_IWIA_TRANSFER = "{C39D6942-2F4E-4D04-92FE-4EF4D3A1DE5A}";
    static final String IID_IWIA_TRANSFER_CALLBACK = "{27D4EAAF-28A6-4CA5-9AAB-E678168B9527}";
    static final String IID_IUNKNOWN = "{00000000-0000-0000-C000-000000000046}";
    static final String WIA_CATEGORY_FLATBED = "{FB607B1F-43F3-488B-855B-FB703EC342A6}";
    static final String WIA_CATEGORY_FEEDER = "{FE131934-F84C-42AD-8DA4-6129CDDD7288}";
    static final String WIA_IMG_FMT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}";

    // IWiaDevMgr2
    static final int DEV_MGR_ENUM_DEVICE_INFO = 3;
    static final int DEV_MGR_CREATE_DEVICE = 4;
    // IEnumWIA_DEV_INFO and IEnumWiaItem2
    static final int ENUM_NEXT = 3;
    // IWiaItem2
    static final int ITEM_ENUM_CHILD_ITEMS = 5;
    static final int ITEM_GET_ITEM_CATEGORY = 7;
    // IWiaPropertyStorage
    static final int PROPS_READ_MULTIPLE = 3;
    static final int PROPS_WRITE_MULTIPLE = 4;
    static final int PROPS_GET_PROPERTY_ATTRIBUTES = 15;
    // IWiaTransfer
    static final int TRANSFER_DOWNLOAD = 3;
    // IStream (ISequentialStream::Read, then IStream::Seek)
    static final int STREAM_READ = 3;
    static final int STREAM_SEEK = 5;
    static final int STREAM_SEEK_SET = 0;
    static final int STREAM_SEEK_END = 2;

    static final int WIA_DEVINFO_ENUM_LOCAL = 0x10;

    static final int WIA_DIP_DEV_ID = 2;
    static final int WIA_DIP_DEV_NAME = 7;
    static final int WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES = 3086;
    static final int WIA_IPS_DOCUMENT_HANDLING_SELECT = 3088;
    static final int WIA_IPS_PAGES = 3096;
    static final int WIA_IPA_DATATYPE = 4103;
    static final int WIA_IPA_DEPTH = 4104;
    static final int WIA_IPA_FORMAT = 4106;
    static final int WIA_IPS_XRES = 6147;
    static final int WIA_IPS_YRES = 6148;
    static final int WIA_IPS_XPOS = 6149;
    static final int WIA_IPS_YPOS = 6150;
    static final int WIA_IPS_XEXTENT = 6151;
    static final int WIA_IPS_YEXTENT = 6152;
    static final int WIA_IPS_MAX_HORIZONTAL_SIZE = 6165;
    static final int WIA_IPS_MAX_VERTICAL_SIZE = 6166;
    /** WriteMultiple's propidNameFirst: used only for properties named by string (none here), so any id >= 2. */
    static final int WIA_IPA_FIRST = 4098;

    /** WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES and _SELECT flags. */
    static final int FEED = 0x01;
    static final int FLAT = 0x02;
    static final int DUP = 0x04;
    static final int FEEDER = 0x001;
    static final int DUPLEX = 0x004;
    static final int FRONT_ONLY = 0x020;

    static final int WIA_PROP_RANGE = 0x10;
    static final int WIA_PROP_LIST = 0x20;
    static final int WIA_RANGE_MIN = 0;
    static final int WIA_RANGE_MAX = 2;
    static final int WIA_RANGE_STEP = 3;
    static final int WIA_LIST_VALUES = 2;

    static final int WIA_TRANSFER_MSG_STATUS = 1;
    static final int WIA_TRANSFER_MSG_END_OF_STREAM = 2;
    static final int WIA_TRANSFER_MSG_END_OF_TRANSFER = 3;
    static final int WIA_TRANSFER_MSG_DEVICE_STATUS = 5;

    /** The properties a SET may name (WiaMapping.settings), by the names the bridge protocol uses. */
    static final Map<String, Integer> SETTABLE = Map.of(
            "WIA_DPS_DOCUMENT_HANDLING_SELECT", WIA_IPS_DOCUMENT_HANDLING_SELECT,
            "WIA_DPS_PAGES", WIA_IPS_PAGES,
            "WIA_IPA_DATATYPE", WIA_IPA_DATATYPE,
            "WIA_IPA_DEPTH", WIA_IPA_DEPTH,
            "WIA_IPS_XRES", WIA_IPS_XRES,
            "WIA_IPS_YRES", WIA_IPS_YRES,
            "WIA_IPS_XPOS", WIA_IPS_XPOS,
            "WIA_IPS_YPOS", WIA_IPS_YPOS,
            "WIA_IPS_XEXTENT", WIA_IPS_XEXTENT,
            "WIA_IPS_YEXTENT", WIA_IPS_YEXTENT);

    private static final String[] WIA_ERRORS = {"GENERAL_ERROR", "PAPER_JAM", "PAPER_EMPTY", "PAPER_PROBLEM",
        "OFFLINE", "BUSY", "WARMING_UP", "USER_INTERVENTION", "ITEM_DELETED", "DEVICE_COMMUNICATION",
        "INVALID_COMMAND", "INCORRECT_HARDWARE_SETTING", "DEVICE_LOCKED", "EXCEPTION_IN_DRIVER",
        "INVALID_DRIVER_RESPONSE", "COVER_OPEN", "LAMP_OFF", "DESTINATION", "NETWORK_RESERVATION_FAILED",
        "MULTI_FEED"};
    private static final Map<Integer, String> COMMON = Map.of(
            Com.S_FALSE, "S_FALSE",
            0x80070057, "E_INVALIDARG",
            Com.E_FAIL, "E_FAIL",
            Com.E_NOINTERFACE, "E_NOINTERFACE",
            Com.E_POINTER, "E_POINTER",
            0x80004004, "E_ABORT",
            0x8007000E, "E_OUTOFMEMORY",
            0x80040154, "REGDB_E_CLASSNOTREG",
            0x80010106, "RPC_E_CHANGED_MODE",
            0x80210015, "WIA_S_NO_DEVICE_AVAILABLE");

    private Wia() {
    }

    /**
     * The SDK name of an HRESULT (WIA_ERROR_n is MAKE_HRESULT(SEVERITY_ERROR, FACILITY_WIA = 33, n)), else its hex.
     * 0x80210015 is both WIA_S_NO_DEVICE_AVAILABLE and WIA_ERROR_MAXIMUM_PRINTER_ENDORSER_COUNTER; the worker only
     * meets the former (CreateDevice).
     */
    static String hresultName(int hresult) {
        int code = hresult & 0xffff;
        if (COMMON.containsKey(hresult)) {
            return COMMON.get(hresult);
        }
        if ((hresult & 0xffff0000) == 0x80210000 && code >= 1 && code <= WIA_ERRORS.length) {
            return "WIA_ERROR_" + WIA_ERRORS[code - 1];
        }
        return Com.hex(hresult);
    }

    static Optional<Integer> settable(String name) {
        return Optional.ofNullable(SETTABLE.get(name));
    }
}
