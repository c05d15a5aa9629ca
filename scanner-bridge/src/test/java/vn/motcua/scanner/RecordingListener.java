package vn.motcua.scanner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Keeps every page and state it is given, as the app's file store would; tests read it afterwards. */
public class RecordingListener implements ScanListener {

    public final List<ScannedPage> pages = new CopyOnWriteArrayList<>();
    public final List<ScanJobState> states = new CopyOnWriteArrayList<>();
    public final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPage = new CountDownLatch(1);

    @Override
    public void pageScanned(ScannedPage page) throws Exception {
        arrivalNanos.add(System.nanoTime());
        pages.add(page);
        firstPage.countDown();
    }

    @Override
    public void stateChanged(ScanJobState state) {
        states.add(state);
    }

    public void awaitFirstPage() throws InterruptedException {
        if (!firstPage.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no page within 30 s");
        }
    }

    public List<Integer> pageNumbers() {
        return pages.stream().map(ScannedPage::pageNumber).toList();
    }
}
