package org.sealpost.portal.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys as they stand: each version in the keystore or still named by a stored key, what
 * it wraps, and the latest rotation's progress.
 *
 * @param keystore the keystore file
 * @param versions ascending
 * @param rotation the latest rotation through Sealpost, if any
 */
public record KeyStatus(Path keystore, List<VersionUse> versions, Optional<RotationProgress> rotation) {

    /**
     * One version.
     *
     * @param inKeystore false for a version stored keys still name but the keystore no longer
     *                   holds: those keys do not open (a retired version, a keystore restored
     *                   from the wrong backup)
     * @param keys       how many data keys it wraps, per table
     */
    public record VersionUse(int version, boolean current, boolean inKeystore, Map<DataKeyTable, Long> keys) {

        public long total() {
            return keys.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The keys of one table (for the page). */
        public long keysIn(DataKeyTable table) {
            return keys.getOrDefault(table, 0L);
        }
    }

    /** The version new data keys are wrapped with. */
    public int current() {
        return versions.stream()
                .filter(VersionUse::current)
                .findFirst()
                .orElseThrow()
                .version();
    }

    /** Keys under versions the keystore does not hold: these no longer open. */
    public long unopenable() {
        return versions.stream()
                .filter(v -> !v.inKeystore())
                .mapToLong(VersionUse::total)
                .sum();
    }
}
