package vn.motcua.counter.application;

import vn.motcua.counter.domain.Dossier;

/** The outcome of a reception: the saved dossier and its receipt PDF in the content store. */
public record Receipt(Dossier dossier, String pdfContentId) {
}
