package org.sealpost.portal.administration;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Internal domains that are not host names; the policy was not changed at all. */
@ApplicationException(rollback = true)
public class InvalidDomainsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> refused;

    public InvalidDomainsException(List<String> refused) {
        super("not domain names: " + refused);
        this.refused = List.copyOf(refused);
    }

    /** Each entry as typed. */
    public List<String> refused() {
        return refused;
    }
}
