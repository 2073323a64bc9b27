package org.sealpost.web.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Test deployment only ({@link SessionExpiryIT}): gives the caller's session a one-second
 * idle timeout, so the container's reaper discards it on its next round instead of after the
 * portal's 15 minutes.
 */
@WebServlet("/it/short-session")
public class ShortSessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.sendError(409, "no session");
            return;
        }
        session.setMaxInactiveInterval(1);
        response.setContentType("text/plain");
        response.getWriter().write("idle timeout now 1 s");
    }
}
