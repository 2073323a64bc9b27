package org.sealpost.portal.search;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far a long indexing run has got: a rebuild (every mailbox entry queued at once) or a
 * large backlog. Every {@value #EVERY_ROWS} rows it gives one line with the rows done, the
 * rate and an estimate of the time left, so an operator watching the log of a node rebuilding
 * a million messages sees it move and knows when it will be done. A run that starts with fewer
 * than {@value #EVERY_ROWS} rows queued (the every-second case) says nothing.
 */
final class IndexingProgress {

    static final int EVERY_ROWS = 10_000;

    private final long queued;
    private final LongSupplier nanoTime;
    private final long start;
    private long done;

    /**
     * @param queued the rows waiting when the run starts (rows queued later make the estimate
     *     short, which the next line corrects)
     */
    IndexingProgress(long queued, LongSupplier nanoTime) {
        this.queued = queued;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    static IndexingProgress startingWith(long queued) {
        return new IndexingProgress(queued, System::nanoTime);
    }

    /** Counts handled rows; returns a line each time another {@value #EVERY_ROWS} are done. */
    Optional<String> advance(int rows) {
        long before = done;
        done += rows;
        if (queued < EVERY_ROWS || done / EVERY_ROWS == before / EVERY_ROWS) {
            return Optional.empty();
        }
        double seconds = Math.max(1e-9, (nanoTime.getAsLong() - start) / 1e9);
        double perSecond = done / seconds;
        long left = Math.max(0, queued - done);
        return Optional.of(String.format(
                Locale.ROOT,
                "search index: %,d of %,d queued entries indexed (%d %%), %,.0f entries/s, about %s left",
                done,
                queued,
                Math.min(100, done * 100 / queued),
                perSecond,
                duration(left / Math.max(perSecond, 1e-9))));
    }

    /** The whole run so far, for its last line. */
    String summary() {
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        return String.format(
                Locale.ROOT,
                "search index: %,d entries indexed in %s, %,.0f entries/s",
                done,
                duration(seconds),
                done / Math.max(seconds, 1e-9));
    }

    long done() {
        return done;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 120
                ? s + " s"
                : s < 7_200 ? (s + 30) / 60 + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
