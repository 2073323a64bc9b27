package org.sealpost.web.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completion in an address field that holds several addresses as free text ("a@x, b@y"): only
 * the address being typed (after the last comma or semicolon) is completed, and each suggestion
 * is the whole field with that address finished, so choosing one keeps what was typed before.
 *
 * @param kept   the addresses before the one being typed, with their separator ("a@x, "), or ""
 * @param typing the address being typed, trimmed
 */
record AddressCompletion(String kept, String typing) {

    static AddressCompletion of(String field) {
        String text = field == null ? "" : field;
        int cut = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'));
        if (cut < 0) {
            return new AddressCompletion("", text.strip());
        }
        return new AddressCompletion(
                text.substring(0, cut + 1).stripTrailing() + " ",
                text.substring(cut + 1).strip());
    }

    /** The suggestions for the given correspondents, leaving out those the field already names. */
    List<String> complete(List<String> correspondents) {
        Set<String> named = Arrays.stream(kept.split("[,;]"))
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return correspondents.stream()
                .filter(address -> !named.contains(address.toLowerCase(Locale.ROOT)))
                .map(address -> kept + address)
                .toList();
    }
}
