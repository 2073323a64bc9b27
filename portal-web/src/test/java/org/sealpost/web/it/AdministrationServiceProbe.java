package org.sealpost.web.it;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sealpost.portal.administration.OverviewService;

/**
 * Test deployment only ({@link AdministrationIT}): calls an administration service from a URL
 * outside /admin/, which web.xml does not guard, so the answer says whether the service's own
 * {@code @RolesAllowed} lets the caller in, as the portal's authentication mechanism states
 * the caller's role.
 */
@WebServlet("/it/admin-probe")
public class AdministrationServiceProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private OverviewService overview;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            overview.now();
            answer = "allowed";
        } catch (EJBAccessException e) {
            answer = "refused";
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }
}
