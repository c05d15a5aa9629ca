package vn.motcua.scanner.hotfolder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.scanner.ColorMode;
import vn.motcua.scanner.PageImages;
import vn.motcua.scanner.ScanError;
import vn.motcua.scanner.ScanException;
import vn.motcua.scanner.ScanSession;
import vn.motcua.scanner.ScanSettings;
import vn.motcua.scanner.ScannedPage;
import vn.motcua.scanner.Side;

/**
 * Takes files from the folder as they settle, oldest first, moves each into {@code .motcua-taken} (so it is never
 * taken twice and never lost) and hands over its pages one by one. Files that cannot be read go to
 * {@code .motcua-rejected}.
 */
final class HotFolderSession implements ScanSession {

    private static final Logger LOG = LoggerFactory.getLogger(HotFolderSession.class);

    private final Path folder;
    private final ScanSettings settings;
    private final HotFolderOptions options;
    private final SettledFiles settledFiles;
    private final long startNanos = System.nanoTime();
    private long lastFileNanos;
    private boolean anyFile;
    private PageFile current;
    private int currentIndex;
    private int currentCount;
    private int nextPageNumber = 1;
    private volatile boolean cancelled;

    HotFolderSession(Path folder, ScanSettings settings, HotFolderOptions options) {
        this.folder = folder;
        this.settings = settings;
        this.options = options;
        this.settledFiles = new SettledFiles(folder, options.settleTime());
    }

    @Override
    public Optional<ScannedPage> nextPage() throws ScanException, InterruptedException {
        while (true) {
            if (cancelled) {
                throw new ScanException(ScanError.CANCELLED, "hot folder job cancelled");
            }
            if (current != null && currentIndex < currentCount) {
                return Optional.of(readCurrentPage());
            }
            closeCurrent();
            if (openNextFile()) {
                continue;
            }
            long now = System.nanoTime();
            if (anyFile && now - lastFileNanos >= options.idleEnd().toNanos()) {
                return Optional.empty();
            }
            if (!anyFile && now - startNanos >= options.firstFileWait().toNanos()) {
                throw new ScanException(ScanError.NO_PAPER, "no file arrived within " + options.firstFileWait());
            }
            Thread.sleep(options.pollInterval());
        }
    }

    private ScannedPage readCurrentPage() throws ScanException {
        try {
            BufferedImage image = current.readPage(currentIndex);
            int dpi = current.dpi(currentIndex, settings.dpi());
            currentIndex++;
            ColorMode mode = modeOf(image);
            int pageNumber = nextPageNumber++;
            return new ScannedPage(PageImages.toStandard(image, mode), pageNumber, pageNumber, Side.FRONT, dpi, mode);
        } catch (IOException e) {
            throw new ScanException(ScanError.DEVICE_ERROR, "cannot read page " + (currentIndex + 1), e);
        }
    }

    /** The MFP chose the colour mode when it scanned; keep what it wrote. */
    private static ColorMode modeOf(BufferedImage image) {
        if (image.getColorModel().getPixelSize() == 1) {
            return ColorMode.LINEART;
        }
        return image.getColorModel().getNumColorComponents() == 1 ? ColorMode.GRAY : ColorMode.COLOR;
    }

    private boolean openNextFile() throws ScanException {
        Optional<Path> settled;
        try {
            settled = settledFiles.poll();
        } catch (IOException e) {
            throw new ScanException(ScanError.OFFLINE, "scan folder not readable: " + e.getMessage(), e);
        }
        if (settled.isEmpty()) {
            return false;
        }
        Path taken = moveInto(settled.get(), ".motcua-taken");
        anyFile = true;
        lastFileNanos = System.nanoTime();
        try {
            current = ScanFileFormat.of(taken).open(taken, settings.colorMode(), settings.dpi());
            currentCount = current.pageCount();
            currentIndex = 0;
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Hot folder: {} is not a readable scan ({}); set aside", taken.getFileName(), e.toString());
            closeCurrent();
            moveInto(taken, ".motcua-rejected");
            return true;
        }
    }

    private Path moveInto(Path file, String subfolder) throws ScanException {
        try {
            Path target = folder.resolve(subfolder);
            Files.createDirectories(target);
            Path destination = target.resolve(System.currentTimeMillis() + "-" + file.getFileName());
            return Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ScanException(ScanError.DEVICE_ERROR, "cannot move " + file.getFileName(), e);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Hot folder: closing a file failed: {}", e.toString());
            }
            current = null;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        cancelled = true;
        closeCurrent();
    }
}
