package vn.motcua.counter.domain;

import java.time.LocalDate;

/**
 * An agency code with the period it may be used in. Codes are closed when agencies merge (the 2025 reorganisation
 * closed district codes and several provinces' codes); dossiers received before keep the old code.
 *
 * @param code      a full code ({@code 000.00.15.H42}) or a level-1 code alone ({@code K57}), as published
 * @param validFrom first day the code may be used; null when not known (valid since ever)
 * @param validTo   last day the code may be used; null while it is open
 */
public record Agency(String code, String name, Integer level, LocalDate validFrom, LocalDate validTo) {

    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
