package org.sealpost.portal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One address as a recipient typed it into To or Cc, with what it reads as.
 *
 * @param field  where it was typed
 * @param typed  the text as typed (trimmed), shown back in a refusal
 * @param parsed the address it reads as, or empty when it is malformed
 */
public record TypedAddress(AddressField field, String typed, Optional<RecipientAddress> parsed) {

    public TypedAddress {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(parsed, "parsed");
    }

    /**
     * The addresses of one compose field: separated by commas, semicolons or line breaks; each
     * either a bare addr-spec or {@code Display Name <addr-spec>} (what address completion
     * offers). Empty items are dropped. A display name is not kept: the portal never sends one a
     * recipient typed for someone else.
     */
    public static List<TypedAddress> readField(AddressField field, String text) {
        List<TypedAddress> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String item : splitOutsideQuotes(text)) {
            String typed = item.strip();
            if (typed.isEmpty()) {
                continue;
            }
            result.add(new TypedAddress(field, typed, RecipientAddress.parse(addrSpecOf(typed))));
        }
        return result;
    }

    /** To, then Cc. */
    public static List<TypedAddress> read(String to, String cc) {
        List<TypedAddress> all = new ArrayList<>(readField(AddressField.TO, to));
        all.addAll(readField(AddressField.CC, cc));
        return all;
    }

    public boolean malformed() {
        return parsed.isEmpty();
    }

    /** The addr-spec of {@code Name <spec>}, or the text itself. A malformed bracket pair stays malformed. */
    private static String addrSpecOf(String typed) {
        if (!typed.endsWith(">")) {
            return typed;
        }
        int open = typed.lastIndexOf('<');
        if (open < 0) {
            return typed;
        }
        String name = typed.substring(0, open);
        if (name.indexOf('<') >= 0 || name.indexOf('>') >= 0 || name.indexOf('@') >= 0 && !quoted(name.strip())) {
            return typed; // not one mailbox: fails the strict parse as a whole
        }
        return typed.substring(open + 1, typed.length() - 1);
    }

    private static boolean quoted(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"");
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && (c == ',' || c == ';' || c == '\n' || c == '\r')) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString());
        return items;
    }
}
