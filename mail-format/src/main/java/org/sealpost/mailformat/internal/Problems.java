package org.sealpost.mailformat.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sealpost.mailformat.MimeProblem;

/**
 * Collects problems while one message is read: duplicates dropped, and capped so that a message
 * with a million broken lines cannot produce a million-entry list.
 */
public final class Problems {

    static final int LIMIT = 100;

    private final Set<MimeProblem> problems = new LinkedHashSet<>();
    private int dropped;

    public void add(MimeProblem.Kind kind, String detail) {
        MimeProblem problem = new MimeProblem(kind, detail);
        if (problems.contains(problem)) {
            return;
        }
        if (problems.size() >= LIMIT) {
            dropped++;
            return;
        }
        problems.add(problem);
    }

    /** An independent collector holding what this one holds so far. */
    public Problems copy() {
        Problems copy = new Problems();
        copy.problems.addAll(problems);
        copy.dropped = dropped;
        return copy;
    }

    public boolean contains(MimeProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    public List<MimeProblem> toList() {
        List<MimeProblem> list = new ArrayList<>(problems);
        if (dropped > 0) {
            list.add(new MimeProblem(MimeProblem.Kind.UNREADABLE_PART, dropped + " further problems not listed"));
        }
        return list;
    }
}
