package vn.motcua.scanner;

/** Which side of the sheet a page is; simplex and flatbed pages are always FRONT. */
public enum Side {
    FRONT,
    BACK
}
