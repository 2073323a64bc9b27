package org.sealpost.portal.policy;

import java.util.List;
import java.util.Objects;

/**
 * One reason a send is refused.
 *
 * @param field     where to show it; {@code null} for what concerns the whole message (attachments)
 * @param address   the address as typed that is refused, or {@code null} when the refusal is message-wide
 * @param reason    the code (see {@link RefusalReason} for the arguments of each)
 * @param arguments the values the sentence names, in order; never {@code null}
 */
public record Refusal(AddressField field, String address, RefusalReason reason, List<String> arguments) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(AddressField field, String address, RefusalReason reason, String... arguments) {
        return new Refusal(field, address, reason, List.of(arguments));
    }

    /** Whether it names one address rather than the whole message. */
    public boolean aboutAnAddress() {
        return address != null;
    }

    // Bean-style accessors for Jakarta EL 5 (Jakarta EE 10), which does not read record components.
    public AddressField getField() {
        return field;
    }

    public String getAddress() {
        return address;
    }

    public RefusalReason getReason() {
        return reason;
    }

    public List<String> getArguments() {
        return arguments;
    }
}
