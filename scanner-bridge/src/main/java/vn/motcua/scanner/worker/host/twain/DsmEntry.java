package vn.motcua.scanner.worker.host.twain;

import java.lang.foreign.MemorySegment;

/**
 * Everything native the TWAIN backend needs, in one small interface: {@code DSM_Entry} of the data source
 * manager, its memory functions, the global memory of native transfers, the callback and the wait for the
 * source's next message. {@link WindowsDsm} binds it to TWAINDSM.dll with the FFM API; tests replay a recorded
 * DSM conversation through it, so the call sequence and the struct encoding are checked on Linux.
 */
public interface DsmEntry {

    /**
     * {@code DSM_Entry(pOrigin, pDest, DG, DAT, MSG, pData)}; {@code dest} is {@link MemorySegment#NULL} for
     * triplets to the DSM itself.
     *
     * @return the TWRC_ return code
     */
    int call(MemorySegment origin, MemorySegment dest, int group, int dat, int msg, MemorySegment data);

    /** Takes the DSM's memory functions from the TW_ENTRYPOINT it filled in (TWAIN 2, DF_DSM2). */
    void useEntryPoints(MemorySegment entryPoint);

    /** Capability containers: DSM_MemAllocate/Lock/Unlock/Free (GlobalAlloc and friends before TWAIN 2). */
    HandleMemory containers();

    /** Native transfer images: an HGLOBAL the application frees (kernel32 GlobalLock/GlobalUnlock/GlobalFree). */
    HandleMemory images();

    /** The window handle for MSG_OPENDSM and TW_USERINTERFACE.hParent. */
    MemorySegment parentWindow();

    /** The TWAINCALLBACKPROC to register with DAT_CALLBACK2; it queues the source's DAT_NULL messages. */
    MemorySegment callbackProc();

    /**
     * Waits up to {@code millis} for the source's next message (MSG_XFERREADY, MSG_CLOSEDSREQ, …), pumping the
     * thread's window messages meanwhile (drivers post to their own hidden windows); without a registered
     * callback each message goes through DAT_EVENT/MSG_PROCESSEVENT.
     *
     * @return the MSG_ code, or {@link Twain#MSG_NULL} when nothing came in time
     */
    int awaitSourceMessage(MemorySegment app, MemorySegment source, boolean callbackRegistered, long millis);

    /** Movable memory behind handles. {@link #lock} returns the block with its real size. */
    interface HandleMemory {

        MemorySegment allocate(long bytes);

        MemorySegment lock(MemorySegment handle);

        void unlock(MemorySegment handle);

        void free(MemorySegment handle);
    }
}
