package vn.motcua.counter.application.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.counter.application.CounterException;
import vn.motcua.counter.application.access.Account;
import vn.motcua.counter.application.access.CurrentClerk;
import vn.motcua.counter.application.port.AuditStore;
import vn.motcua.counter.domain.access.Permission;

/**
 * The audit log of personal data: the application services record every view, print, export and change of a dossier
 * here (who: the account signed in; when: the counter's clock; from which counter), and supervisors list and verify
 * it.
 * Recording is not optional: when the entry cannot be written, the act fails ({@code audit.failed}), so nothing is
 * shown or changed unrecorded.
 */
public final class Audit {

    /** Nothing is recorded: for services built without a data folder (tests of a single service). */
    public static final Audit OFF = new Audit(null, null, "-", Clock.systemUTC());
    private static final int PAGE = 1_000;
    /** Who acts on a data folder without accounts yet (set-up): the operating system's user. */
    private static final String OS_USER = Optional.ofNullable(System.getProperty("user.name"))
            .filter(u -> !u.isBlank()).map(String::strip).orElse("unknown");

    private final AuditStore store;
    private final CurrentClerk clerk;
    private final String counter;
    private final Clock clock;

    /**
     * @param clerk   who is signed in (decision 1301): who acts, and listing or verifying the log needs
     *                {@link Permission#AUDIT}; null only for {@link #OFF}
     * @param counter this counter's identity, e.g. {@code 000.00.00.H26-1} (agency code and counter number)
     */
    public Audit(AuditStore store, CurrentClerk clerk, String counter, Clock clock) {
        this.store = store;
        this.clerk = clerk;
        this.counter = counter;
        this.clock = clock;
    }

    /** Records that the acting person did {@code action} to dossier {@code dossierCode} (null: no single dossier). */
    public void record(AuditAction action, String dossierCode, String detail) {
        if (store == null) {
            return;
        }
        try {
            store.append(draft(action, dossierCode, detail));
        } catch (CounterException e) {
            throw new CounterException("audit.failed", e, e.getMessage());
        }
    }

    private AuditEntry.Draft draft(AuditAction action, String dossierCode, String detail) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);   // sorts as text
        return new AuditEntry.Draft(now, actorName(), counter, action, dossierCode, detail == null ? "" : detail);
    }

    /**
     * A log written before the keyed chain (decision 1302) is checked the old way (plain SHA-256, anchor included) and
     * then chained again with the key, once, in one transaction with a {@link AuditAction#KEYED} entry that records how
     * many entries were re-chained and what the old check found ({@code intact}, or each problem's kind and places),
     * so a log tampered with before the upgrade says so in an entry nobody without the key can rewrite.
     *
     * @return whether the log was re-chained now
     */
    public boolean keyChain() {
        if (store == null) {
            return false;
        }
        return store.rechain(() -> {
            AuditVerdict old = walk(AuditChain.UNKEYED);
            StringBuilder detail = new StringBuilder("re-chained ").append(old.entries())
                    .append(" entries with the key; unkeyed chain ");
            if (old.intact()) {
                detail.append("intact");
            } else {
                detail.append("NOT intact:");
                old.problems().forEach(p -> detail.append(' ').append(p.kind()).append(" #").append(p.seq())
                        .append(p.kind() == AuditVerdict.Kind.ALTERED ? "" : "-" + p.lastSeq()));
            }
            return draft(AuditAction.KEYED, null, detail.toString());
        });
    }

    private void mayRead() {
        if (clerk != null) {
            clerk.require(Permission.AUDIT);
        }
    }

    /** Who is acting now: the account signed in, or the operating system's user before accounts exist. */
    public String actorName() {
        return clerk == null ? OS_USER : clerk.account().map(Account::name).orElse(OS_USER);
    }

    /** The newest {@code limit} entries matching {@code filter}, newest first. */
    public List<AuditEntry> find(AuditStore.Filter filter, int limit) {
        mayRead();
        return store == null ? List.of() : store.find(filter, limit);
    }

    /**
     * Walks the whole chain. An entry whose hash does not match its content is ALTERED, unless it matches at the place
     * its link says it came from (REORDERED); a gap in the places is REMOVED; a link that does not name the entry
     * before, both being intact, means the one before was altered and re-hashed (ALTERED); fewer entries than the
     * anchor counted is TRUNCATED.
     */
    public AuditVerdict verify() {
        mayRead();
        if (store == null) {
            return new AuditVerdict(0, List.of());
        }
        return walk(store.chain());
    }

    private AuditVerdict walk(AuditChain chain) {
        List<AuditEntry> all = new ArrayList<>();
        for (List<AuditEntry> page = store.after(0, PAGE); !page.isEmpty();
             page = store.after(page.getLast().seq(), PAGE)) {
            all.addAll(page);
        }
        Map<String, AuditEntry> byHash = new HashMap<>();
        all.forEach(e -> byHash.putIfAbsent(e.hash(), e));
        List<AuditVerdict.Problem> problems = new ArrayList<>();
        Map<Long, Long> origins = new HashMap<>();
        AuditEntry before = null;
        boolean beforeFlagged = false;
        for (AuditEntry entry : all) {
            long expectedSeq = before == null ? 1 : before.seq() + 1;
            if (!chain.intact(entry)) {
                problems.add(moved(chain, entry, byHash, origins).orElseGet(() ->
                        new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, entry.seq(), entry.seq(), entry.time())));
                before = entry;
                beforeFlagged = true;
                continue;
            }
            String expectedLink = before == null ? AuditChain.GENESIS : before.hash();
            if (entry.seq() > expectedSeq) {
                problems.add(new AuditVerdict.Problem(AuditVerdict.Kind.REMOVED, expectedSeq, entry.seq() - 1,
                        before == null ? null : before.time()));
            } else if (!entry.previousHash().equals(expectedLink) && !beforeFlagged) {
                // both intact, the link broken: the entry before was rewritten with a fresh hash (or, first of all,
                // this one was written with a link of its own choosing)
                AuditEntry rewritten = before == null ? entry : before;
                problems.add(new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, rewritten.seq(), rewritten.seq(),
                        rewritten.time()));
            }
            before = entry;
            beforeFlagged = false;
        }
        Optional<AuditStore.Anchor> anchor = store.anchor();
        if (anchor.isPresent()) {
            long last = all.isEmpty() ? 0 : all.getLast().seq();
            AuditStore.Anchor a = anchor.get();
            if (a.count() > last) {
                problems.add(new AuditVerdict.Problem(AuditVerdict.Kind.TRUNCATED, last + 1, a.count(),
                        all.isEmpty() ? null : all.getLast().time()));
            } else {   // the anchor may lag by the entries of a crash between commit and anchor: those are fine
                all.stream().filter(e -> e.seq() == a.count()).findFirst()
                        .filter(e -> !e.hash().equals(a.hash()) && problems.stream().noneMatch(p -> p.seq() == e.seq()))
                        .ifPresent(e -> problems.add(new AuditVerdict.Problem(AuditVerdict.Kind.ALTERED, e.seq(),
                                e.seq(), e.time())));
            }
        }
        return new AuditVerdict(all.size(), List.copyOf(problems));
    }

    /**
     * An intact entry at the wrong place: it hashes right at its original place, which is one after the original
     * place of the entry its link names (followed back to an entry that stands where it was written).
     */
    private static Optional<AuditVerdict.Problem> moved(AuditChain chain, AuditEntry entry,
                                                        Map<String, AuditEntry> byHash, Map<Long, Long> origins) {
        Long original = originOf(chain, entry, byHash, origins);
        if (original == null || original == entry.seq()) {
            return Optional.empty();
        }
        return Optional.of(new AuditVerdict.Problem(AuditVerdict.Kind.REORDERED, entry.seq(), original, entry.time()));
    }

    /** The place {@code entry} was written at, or null when the chain cannot tell (an altered or lost link). */
    private static Long originOf(AuditChain chain, AuditEntry entry, Map<String, AuditEntry> byHash,
                                 Map<Long, Long> origins) {
        java.util.ArrayDeque<AuditEntry> path = new java.util.ArrayDeque<>();
        Long base = null;
        AuditEntry at = entry;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (at != null && seen.add(at.seq())) {
            if (origins.containsKey(at.seq())) {
                base = origins.get(at.seq());
                break;
            }
            if (chain.intact(at)) {
                base = at.seq();
                origins.put(at.seq(), base);
                break;
            }
            path.push(at);
            if (AuditChain.GENESIS.equals(at.previousHash())) {
                base = 0L;
                break;
            }
            at = byHash.get(at.previousHash());
        }
        if (base == null) {
            path.forEach(e -> origins.put(e.seq(), null));
            return origins.get(entry.seq());
        }
        long place = base;
        while (!path.isEmpty()) {
            AuditEntry next = path.pop();
            Long value = null;
            if (place >= 0 && chain.hash(next, place + 1).equals(next.hash())) {
                place = place + 1;
                value = place;
            } else {
                place = -1;   // the chain cannot tell beyond an altered entry
            }
            origins.put(next.seq(), value);
        }
        return origins.get(entry.seq());
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /** A stored time as the clerk reads it, in {@code zone}; what is not a time is shown as it is ("?" when absent). */
    public static String localTime(String stored, java.time.ZoneId zone) {
        if (stored == null) {
            return "?";
        }
        try {
            return SHOWN.format(Instant.parse(stored).atZone(zone));
        } catch (java.time.format.DateTimeParseException e) {
            return stored;
        }
    }
}
