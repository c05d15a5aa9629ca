package vn.motcua.counter.capture;

/**
 * One recognised word with its box in the pixels of the image OCR read (origin top left).
 *
 * @param baseline y of the word's baseline, the line the invisible text is set on
 * @param confidence Tesseract's 0–100 confidence
 */
public record OcrWord(String text, int x, int y, int width, int height, int baseline, float confidence) {
}
