package vn.motcua.scanner.worker.host.wia;

import java.lang.foreign.MemorySegment;

/**
 * The only functions of the WIA backend that live in Windows DLLs (ole32, oleaut32). Everything else is a call
 * through a COM object's vtable ({@link Com}), which the FFM API makes the same way on any x64 platform; tests
 * implement this interface with fake COM objects and replay recorded conversations on Linux.
 */
public interface ComLibrary {

    /** {@code CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)} on the calling thread; the HRESULT. */
    int initialize();

    /** {@code CoCreateInstance(clsid, NULL, CLSCTX_LOCAL_SERVER, iid, out)}; the HRESULT. */
    int createInstance(MemorySegment clsid, MemorySegment iid, MemorySegment out);

    /** A growable memory stream: {@code CreateStreamOnHGlobal(NULL, TRUE, out)}; the HRESULT. */
    int createStream(MemorySegment out);

    /** {@code SysAllocString}: a BSTR the caller frees with {@link #freeString}. */
    MemorySegment allocString(String text);

    /** {@code SysFreeString}. */
    void freeString(MemorySegment bstr);

    /** {@code PropVariantClear}: frees what a PROPVARIANT filled in by a callee points to. */
    void clearVariant(MemorySegment propVariant);

    /** {@code CoUninitialize} on the thread that initialized. */
    void uninitialize();
}
