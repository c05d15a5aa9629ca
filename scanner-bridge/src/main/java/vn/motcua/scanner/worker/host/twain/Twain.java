package vn.motcua.scanner.worker.host.twain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The constants of twain.h (TWAIN 2.4, twain/twain-samples {@code TWAIN-Samples/pub/external/bin/include/twain.h})
 * that the worker uses, with their names where they travel through the bridge protocol as text.
 */
public final class Twain {

    private Twain() {
    }

    // Data groups and feature flags (twain.h "Data Groups").
    public static final int DG_CONTROL = 0x0001;
    public static final int DG_IMAGE = 0x0002;
    public static final int DF_DSM2 = 0x10000000;
    public static final int DF_APP2 = 0x20000000;

    // Data argument types.
    public static final int DAT_CAPABILITY = 0x0001;
    public static final int DAT_EVENT = 0x0002;
    public static final int DAT_IDENTITY = 0x0003;
    public static final int DAT_PARENT = 0x0004;
    public static final int DAT_PENDINGXFERS = 0x0005;
    public static final int DAT_STATUS = 0x0008;
    public static final int DAT_USERINTERFACE = 0x0009;
    public static final int DAT_CALLBACK2 = 0x0012;
    public static final int DAT_IMAGEINFO = 0x0101;
    public static final int DAT_IMAGELAYOUT = 0x0102;
    public static final int DAT_IMAGENATIVEXFER = 0x0104;
    public static final int DAT_ENTRYPOINT = 0x0403;

    // Messages.
    public static final int MSG_NULL = 0x0000;
    public static final int MSG_GET = 0x0001;
    public static final int MSG_GETFIRST = 0x0004;
    public static final int MSG_GETNEXT = 0x0005;
    public static final int MSG_SET = 0x0006;
    public static final int MSG_RESET = 0x0007;
    public static final int MSG_XFERREADY = 0x0101;
    public static final int MSG_CLOSEDSREQ = 0x0102;
    public static final int MSG_CLOSEDSOK = 0x0103;
    public static final int MSG_OPENDSM = 0x0301;
    public static final int MSG_CLOSEDSM = 0x0302;
    public static final int MSG_OPENDS = 0x0401;
    public static final int MSG_CLOSEDS = 0x0402;
    public static final int MSG_DISABLEDS = 0x0501;
    public static final int MSG_ENABLEDS = 0x0502;
    public static final int MSG_PROCESSEVENT = 0x0601;
    public static final int MSG_ENDXFER = 0x0701;
    public static final int MSG_REGISTER_CALLBACK = 0x0902;

    // Return codes.
    public static final int TWRC_SUCCESS = 0;
    public static final int TWRC_FAILURE = 1;
    public static final int TWRC_CHECKSTATUS = 2;
    public static final int TWRC_CANCEL = 3;
    public static final int TWRC_DSEVENT = 4;
    public static final int TWRC_NOTDSEVENT = 5;
    public static final int TWRC_XFERDONE = 6;
    public static final int TWRC_ENDOFLIST = 7;

    // Container types (TWON_) and item types (TWTY_).
    public static final int TWON_ARRAY = 3;
    public static final int TWON_ENUMERATION = 4;
    public static final int TWON_ONEVALUE = 5;
    public static final int TWON_RANGE = 6;
    public static final int TWON_DONTCARE32 = 0xffffffff;

    public static final int TWTY_INT8 = 0x0000;
    public static final int TWTY_INT16 = 0x0001;
    public static final int TWTY_INT32 = 0x0002;
    public static final int TWTY_UINT8 = 0x0003;
    public static final int TWTY_UINT16 = 0x0004;
    public static final int TWTY_UINT32 = 0x0005;
    public static final int TWTY_BOOL = 0x0006;
    public static final int TWTY_FIX32 = 0x0007;
    public static final int TWTY_FRAME = 0x0008;
    public static final int TWTY_STR32 = 0x0009;
    public static final int TWTY_STR64 = 0x000a;
    public static final int TWTY_STR128 = 0x000b;
    public static final int TWTY_STR255 = 0x000c;
    public static final int TWTY_HANDLE = 0x000f;

    // Identity values: the worker introduces itself as a TWAIN 2.4 application from Viet Nam.
    public static final int TWON_PROTOCOLMAJOR = 2;
    public static final int TWON_PROTOCOLMINOR = 4;
    public static final int TWLG_VIETNAMESE = 113;
    public static final int TWCY_VIETNAM = 84;

    /** A capability the worker reads or sets: its id, the item type it is set with, and its value names. */
    public record Capability(String name, int id, int itemType, String valuePrefix) {
    }

    private static final Map<String, Capability> CAPABILITIES = new LinkedHashMap<>();
    private static final Map<String, Integer> VALUES = new LinkedHashMap<>();
    private static final Map<Integer, String> CONDITION_CODES = new LinkedHashMap<>();

    static {
        capability("CAP_XFERCOUNT", 0x0001, TWTY_INT16, null);
        capability("ICAP_PIXELTYPE", 0x0101, TWTY_UINT16, "TWPT_");
        capability("ICAP_UNITS", 0x0102, TWTY_UINT16, "TWUN_");
        capability("ICAP_XFERMECH", 0x0103, TWTY_UINT16, "TWSX_");
        capability("CAP_FEEDERENABLED", 0x1002, TWTY_BOOL, null);
        capability("CAP_FEEDERLOADED", 0x1003, TWTY_BOOL, null);
        capability("CAP_AUTOFEED", 0x1007, TWTY_BOOL, null);
        capability("CAP_DUPLEX", 0x1012, TWTY_UINT16, "TWDX_");
        capability("CAP_DUPLEXENABLED", 0x1013, TWTY_BOOL, null);
        capability("ICAP_PHYSICALWIDTH", 0x1111, TWTY_FIX32, null);
        capability("ICAP_PHYSICALHEIGHT", 0x1112, TWTY_FIX32, null);
        capability("ICAP_XRESOLUTION", 0x1118, TWTY_FIX32, null);
        capability("ICAP_YRESOLUTION", 0x1119, TWTY_FIX32, null);
        capability("ICAP_BITDEPTH", 0x112b, TWTY_UINT16, null);

        values("TWPT_", "BW", "GRAY", "RGB", "PALETTE", "CMY", "CMYK");
        values("TWUN_", "INCHES", "CENTIMETERS", "PICAS", "POINTS", "TWIPS", "PIXELS", "MILLIMETERS");
        values("TWSX_", "NATIVE", "FILE", "MEMORY");
        values("TWDX_", "NONE", "1PASSDUPLEX", "2PASSDUPLEX");

        String[] codes = {"SUCCESS", "BUMMER", "LOWMEMORY", "NODS", "MAXCONNECTIONS", "OPERATIONERROR", "BADCAP",
            null, null, "BADPROTOCOL", "BADVALUE", "SEQERROR", "BADDEST", "CAPUNSUPPORTED", "CAPBADOPERATION",
            "CAPSEQERROR", "DENIED", "FILEEXISTS", "FILENOTFOUND", "NOTEMPTY", "PAPERJAM", "PAPERDOUBLEFEED",
            "FILEWRITEERROR", "CHECKDEVICEONLINE", "INTERLOCK", "DAMAGEDCORNER", "FOCUSERROR", "DOCTOOLIGHT",
            "DOCTOODARK", "NOMEDIA"};
        for (int code = 0; code < codes.length; code++) {
            if (codes[code] != null) {
                CONDITION_CODES.put(code, "TWCC_" + codes[code]);
            }
        }
    }

    private static void capability(String name, int id, int itemType, String valuePrefix) {
        CAPABILITIES.put(name, new Capability(name, id, itemType, valuePrefix));
    }

    /** Consecutive values from 0, as twain.h numbers them for these capabilities. */
    private static void values(String prefix, String... names) {
        for (int i = 0; i < names.length; i++) {
            VALUES.put(prefix + names[i], i);
        }
    }

    /** The capabilities CAPS reports, in the order they are asked for. */
    public static final java.util.List<String> REPORTED_CAPABILITIES = java.util.List.of("CAP_FEEDERENABLED",
            "CAP_DUPLEX", "ICAP_PIXELTYPE", "ICAP_XRESOLUTION", "ICAP_PHYSICALWIDTH", "ICAP_PHYSICALHEIGHT");

    public static Optional<Capability> capability(String name) {
        return Optional.ofNullable(CAPABILITIES.get(name));
    }

    public static Optional<Capability> capability(int id) {
        return CAPABILITIES.values().stream().filter(cap -> cap.id() == id).findFirst();
    }

    /** A value's name ({@code TWPT_GRAY}) for a capability with named values, else the number itself. */
    public static String valueName(Capability capability, long value) {
        if (capability.valuePrefix() != null) {
            for (Map.Entry<String, Integer> entry : VALUES.entrySet()) {
                if (entry.getKey().startsWith(capability.valuePrefix()) && entry.getValue() == value) {
                    return entry.getKey();
                }
            }
        }
        return Long.toString(value);
    }

    /** {@code TWPT_GRAY} → 1, {@code TRUE} → 1, {@code 300} → 300. */
    public static double parseValue(String text) {
        return switch (text) {
            case "TRUE" -> 1;
            case "FALSE" -> 0;
            default -> {
                Integer named = VALUES.get(text);
                if (named != null) {
                    yield named;
                }
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a TWAIN value: " + text, e);
                }
            }
        };
    }

    /** {@code TWCC_PAPERJAM} for 20; unknown (custom) codes as {@code TWCC_0x8001}. */
    public static String conditionCode(int code) {
        String name = CONDITION_CODES.get(code);
        return name != null ? name : "TWCC_0x" + Integer.toHexString(code);
    }

    /** Names of triplets for error details and logs: {@code DG_CONTROL/DAT_PENDINGXFERS/MSG_ENDXFER}. */
    public static String triplet(int group, int dat, int msg) {
        return (group == DG_IMAGE ? "DG_IMAGE" : "DG_CONTROL") + "/" + constantName("DAT_", dat) + "/"
                + constantName("MSG_", msg);
    }

    static String constantName(String prefix, int value) {
        for (java.lang.reflect.Field field : Twain.class.getFields()) {
            try {
                if (field.getName().startsWith(prefix) && field.getType() == int.class
                        && field.getInt(null) == value) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return prefix + "0x" + Integer.toHexString(value);
    }

    static int constant(String name) {
        try {
            return Twain.class.getField(name).getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException("not a twain.h constant known here: " + name, e);
        }
    }
}
