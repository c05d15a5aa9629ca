package vn.motcua.counter.capture.ocr;

import java.awt.image.BufferedImage;

/** One page to read; {@code pageId} is the caller's key (the store's page id), echoed in every callback. */
public record OcrRequest(String pageId, BufferedImage image, int dpi) {
}
