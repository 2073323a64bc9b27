package org.sealpost.portal.notification.template;

import java.util.List;

/** A parsed piece of a template part: literal text, a value, or a conditional section. */
sealed interface Segment {

    record Text(String text) implements Segment {}

    record Value(Placeholder placeholder) implements Segment {}

    /** Shown when {@code placeholder} is present (or, {@code inverted}, when it is absent). */
    record Section(Placeholder placeholder, boolean inverted, List<Segment> body) implements Segment {

        public Section {
            body = List.copyOf(body);
        }
    }
}
