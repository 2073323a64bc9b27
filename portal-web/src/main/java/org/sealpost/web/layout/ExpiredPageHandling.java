package org.sealpost.web.layout;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A form posted after its session ended (the idle timeout, a sign-out elsewhere, a node's
 * restart) has lost the view state the server kept for it, and JSF fails its post with a {@link
 * ViewExpiredException}. That is not the portal failing: it answers with the same page again,
 * fetched anew, and a plain sentence that what was entered was not sent ({@code ?expired=true},
 * shown by the page frame). 303 See Other, so the browser fetches it with GET (RFC 9110
 * §15.4.4). Before this, a sign-in page left open for a quarter of an hour answered its post
 * with "Something went wrong".
 */
public class ExpiredPageHandling extends ExceptionHandlerFactory {

    /** A view id is a path of the application's own pages: nothing else goes into the Location. */
    private static final Pattern PAGE = Pattern.compile("/[A-Za-z0-9/_-]+\\.xhtml");

    public ExpiredPageHandling(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events =
                            getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext(); ) {
                Throwable thrown = events.next().getContext().getException();
                if (expired(thrown) instanceof ViewExpiredException expired
                        && !faces.getExternalContext().isResponseCommitted()) {
                    events.remove();
                    showAgain(faces, expired.getViewId());
                    return;
                }
            }
            getWrapped().handle();
        }

        private static Throwable expired(Throwable thrown) {
            Throwable t = thrown;
            while (t instanceof FacesException && !(t instanceof ViewExpiredException) && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }

        private static void showAgain(FacesContext faces, String viewId) {
            ExternalContext external = faces.getExternalContext();
            String page = viewId != null && PAGE.matcher(viewId).matches() ? viewId : "/login.xhtml";
            String again = external.getRequestContextPath() + page + "?expired=true";
            try {
                if (faces.getPartialViewContext().isAjaxRequest()) {
                    // An Ajax request is answered in its own format: a partial response that
                    // tells the page's script to go there (a 303 would hand it the page's HTML).
                    external.redirect(again);
                    faces.responseComplete();
                    return;
                }
                HttpServletResponse response = (HttpServletResponse) external.getResponse();
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", again);
                response.flushBuffer();
            } catch (IOException e) {
                throw new FacesException("the expired page could not be shown again", e);
            }
            faces.responseComplete();
        }
    }
}
