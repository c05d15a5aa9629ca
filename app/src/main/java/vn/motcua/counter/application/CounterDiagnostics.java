package vn.motcua.counter.application;

import java.util.List;

/**
 * The checks behind {@code motcua doctor}: where data lives, whether the database is sound, the pipeline's backlog
 * and failures, free disk, OCR and scanners. They only read; nothing is migrated or repaired.
 */
public interface CounterDiagnostics {

    enum Outcome { OK, WARNING, FAILED }

    record Check(String name, Outcome outcome, String detail) {
    }

    record Report(List<Check> checks) {
        public boolean healthy() {
            return checks.stream().noneMatch(c -> c.outcome() == Outcome.FAILED);
        }
    }

    Report run();
}
