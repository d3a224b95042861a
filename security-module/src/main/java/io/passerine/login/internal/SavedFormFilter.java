package io.passerine.login.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Passes the first GET after a login that a form POST started on as a {@link SavedFormRequest} (issue 20), for
 * containers that do not hand the request wrapped by {@code HttpMessageContext.withRequest} to the application
 * (Open Liberty 26 does not; WildFly does, and then nothing is wrapped twice). One attribute read per request;
 * added first on {@code /*} by {@link Setup} in applications that configure the X login.
 */
public final class SavedFormFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String NAME = "io.passerine.login.saved-form";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getAttribute(SavedForms.ATTRIBUTE) instanceof FormData form && !wrapped(req)) {
            chain.doFilter(new SavedFormRequest(req, form), res);
            return;
        }
        chain.doFilter(req, res);
    }

    private static boolean wrapped(ServletRequest req) {
        return req instanceof SavedFormRequest
                || req instanceof ServletRequestWrapper w && w.isWrapperFor(SavedFormRequest.class);
    }

    /** Adds the filter to applications with {@code passerine.login.redirect-uri}. */
    public static final class Setup implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
            if (LoginConfigured.redirectUri(ctx).isEmpty()) { // no X login here
                return;
            }
            FilterRegistration.Dynamic f = ctx.addFilter(NAME, SavedFormFilter.class);
            if (f != null) {
                f.setAsyncSupported(true);
                f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            }
        }
    }
}
