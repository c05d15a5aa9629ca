package vn.motcua.counter.capture;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What the electronic copy says about itself (XMP and document information).
 *
 * @param componentName the dossier component, e.g. "Tờ khai đăng ký khai sinh" (becomes the title)
 * @param dossierCode the dossier's code (becomes dc:identifier and the keywords)
 * @param agency the receiving agency (becomes the author and publisher)
 * @param created when the copy was made, in Vietnam time normally
 */
public record CopyMetadata(String componentName, String dossierCode, String agency, ZonedDateTime created) {

    public CopyMetadata {
        Objects.requireNonNull(componentName, "componentName");
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(created, "created");
    }
}
