package vn.motcua.scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * Writes each page to a PNG file as it arrives ({@code page-001.png}, ...), via a temporary name and a rename so
 * a half-written file is never mistaken for a page. For the command line and for tools; the app stores pages in
 * its own file store.
 */
public final class PageFileWriter implements ScanListener {

    /** A page on disk. */
    public record PageFile(Path file, int pageNumber, int sheetNumber, Side side, int dpi) {
    }

    private final Path directory;
    private final List<PageFile> written = new CopyOnWriteArrayList<>();

    public PageFileWriter(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public void pageScanned(ScannedPage page) throws IOException {
        Path target = directory.resolve(String.format("page-%03d.png", page.pageNumber()));
        Path partial = directory.resolve(target.getFileName() + ".part");
        if (!ImageIO.write(page.image(), "png", partial.toFile())) {
            throw new IOException("no PNG writer for image type " + page.image().getType());
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written.add(new PageFile(target, page.pageNumber(), page.sheetNumber(), page.side(), page.dpi()));
    }

    public List<PageFile> written() {
        return List.copyOf(written);
    }
}
