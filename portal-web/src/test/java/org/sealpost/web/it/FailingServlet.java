package org.sealpost.web.it;

import jakarta.faces.FacesException;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Test deployment only ({@link ErrorPagesIT}): fails on request, the ways a real failure
 * reaches the container. GET {@code ?throw} throws an exception carrying a detail no browser
 * may see; GET {@code ?storage} fails as a page does when the database is out of reach (the
 * service's {@link StorageUnavailableException}, wrapped the way JSF wraps it); GET
 * {@code ?status=503} answers with that status; any other method is refused by
 * {@link HttpServlet} itself with 405.
 */
@WebServlet("/it/fail")
public class FailingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String SECRET_DETAIL = "internal detail 7f3a of the failure";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getParameter("throw") != null) {
            throw new IllegalStateException(SECRET_DETAIL);
        }
        if (request.getParameter("storage") != null) {
            throw new ServletException(new FacesException(
                    new StorageUnavailableException(SECRET_DETAIL, new SQLException("connection refused"))));
        }
        response.sendError(Integer.parseInt(request.getParameter("status")), SECRET_DETAIL);
    }
}
