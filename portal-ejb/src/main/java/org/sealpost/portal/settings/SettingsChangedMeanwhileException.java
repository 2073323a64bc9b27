package org.sealpost.portal.settings;

import jakarta.ejb.ApplicationException;

/**
 * The form was loaded before someone else's change was saved: saving it would silently undo
 * that change, so it is refused and the administrator reloads ("someone else changed this").
 */
// Reaches the web as itself (not wrapped), and the transaction rolls back: nothing half-saved.
@ApplicationException(rollback = true)
public final class SettingsChangedMeanwhileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsChangedMeanwhileException(String what) {
        super(what + " was changed by someone else after the form was loaded");
    }
}
