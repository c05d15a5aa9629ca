package vn.motcua.scanner.hotfolder;

import java.time.Duration;

/**
 * Timing of a scan-to-folder job.
 *
 * @param pollInterval  how often the folder is looked at
 * @param settleTime    a file counts as complete once its size and time stamp stayed the same this long (MFPs
 *                      write over SMB in bursts; a second is plenty on a counter's LAN)
 * @param idleEnd       the job ends this long after the last file arrived
 * @param firstFileWait how long to wait for the first file before reporting NO_PAPER; keep it under the
 *                      watchdog's page limit
 */
public record HotFolderOptions(Duration pollInterval, Duration settleTime, Duration idleEnd, Duration firstFileWait) {

    public static HotFolderOptions defaults() {
        return new HotFolderOptions(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(20),
                Duration.ofSeconds(60));
    }
}
