package org.sealpost.web.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.sealpost.portal.platform.StartupGate;

/** Presents the landing page's status line. */
@Named
@RequestScoped
public class PortalStatus {

    @Inject
    private StartupGate startupGate;

    public String getSummary() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String schema = startupGate.schemaVersion();
        return schema == null
                ? bundle.getString("status.starting")
                : new MessageFormat(
                                bundle.getString("status.summary"),
                                faces.getViewRoot().getLocale())
                        .format(new Object[] {schema});
    }
}
