package vn.motcua.counter.capture;

/** How a page is kept in the electronic copy: bilevel pages become CCITT G4, the others JPEG. */
public enum PageKind {
    /** Text and lines only: one bit per pixel, CCITT G4. */
    BILEVEL,
    /** Photos or shading without colour: 8-bit grey JPEG. */
    GREY,
    /** Colour content such as a red seal (con dấu) or a blue signature: colour JPEG. */
    COLOUR
}
