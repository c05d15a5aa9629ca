package vn.motcua.scanner.hotfolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PaperSource;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannerCapabilities;
import vn.motcua.scanner.ScannerDevice;
import vn.motcua.scanner.ScannerDriver;

/**
 * Network MFPs that "scan to folder": each configured folder is a device. The MFP's own panel decides source,
 * resolution and colour; the job's settings only set the resolution PDFs are rendered at.
 */
public final class HotFolderDriver implements ScannerDriver {

    public static final String NAME = "folder";
    private static final ScannerCapabilities CAPABILITIES = new ScannerCapabilities(
            Set.of(PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.DUPLEX),
            List.of(100, 150, 200, 300, 400, 600),
            Set.of(ColorMode.COLOR, ColorMode.GRAY, ColorMode.LINEART),
            297.0, 431.8);

    private final List<Path> folders;
    private final HotFolderOptions options;

    public HotFolderDriver(List<Path> folders, HotFolderOptions options) {
        this.folders = folders.stream().map(folder -> folder.toAbsolutePath().normalize()).toList();
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScannerDevice> discover() {
        List<ScannerDevice> devices = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                devices.add(deviceFor(folder));
            }
        }
        return devices;
    }

    /** Any existing folder is a device, configured or not, so {@code --device folder:/srv/scan} works. */
    @Override
    public Optional<ScannerDevice> device(String localId) {
        Path folder = Path.of(localId);
        return Files.isDirectory(folder) ? Optional.of(deviceFor(folder.toAbsolutePath().normalize()))
                : Optional.empty();
    }

    @Override
    public ScannerCapabilities capabilities(ScannerDevice device) {
        return CAPABILITIES;
    }

    @Override
    public ScanSession open(ScannerDevice device, ScanSettings settings) throws ScanException {
        Path folder = Path.of(device.localId());
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            // Usually an unmounted network share.
            throw new ScanException(ScanError.OFFLINE, "scan folder missing or read-only");
        }
        return new HotFolderSession(folder, settings, options);
    }

    private static ScannerDevice deviceFor(Path folder) {
        return ScannerDevice.of(NAME, folder.toString(), "Thư mục quét " + folder.getFileName());
    }
}
