package org.sealpost.web.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test deployment only ({@link ErrorPagesIT}): fails on request, the ways a real failure
 * reaches the container. GET {@code ?throw} throws an exception carrying a detail no browser
 * may see; GET {@code ?status=503} answers with that status; any other method is refused by
 * {@link HttpServlet} itself with 405.
 */
@WebServlet("/it/fail")
public class FailingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String SECRET_DETAIL = "internal detail 7f3a of the failure";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("throw") != null) {
            throw new IllegalStateException(SECRET_DETAIL);
        }
        response.sendError(Integer.parseInt(request.getParameter("status")), SECRET_DETAIL);
    }
}
