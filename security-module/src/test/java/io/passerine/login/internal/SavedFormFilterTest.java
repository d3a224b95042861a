package io.passerine.login.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20: the filter shows a restored form through getParameter, once, and never wraps twice. */
class SavedFormFilterTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                case "getAttribute" -> attributes.get((String) a[0]);
                case "getParameterMap" -> Map.of();
                case "isWrapperFor" -> false;
                default -> null;
            });
    private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);

    private ServletRequest filter(HttpServletRequest req) throws Exception {
        ServletRequest[] seen = new ServletRequest[1];
        new SavedFormFilter().doFilter(req, response, (r, s) -> seen[0] = r);
        return seen[0];
    }

    @Test
    void aRequestWithoutAKeptFormPassesUnchanged() throws Exception {
        assertSame(request, filter(request));
    }

    @Test
    void theFirstGetAfterTheLoginSeesTheFormThroughGetParameter() throws Exception {
        attributes.put(SavedForms.ATTRIBUTE, FormData.parse("text=hi+there", 2048).orElseThrow());
        HttpServletRequest app = (HttpServletRequest) filter(request);
        assertEquals("hi there", app.getParameter("text"));
        assertNull(app.getParameter("other"));
    }

    @Test
    void aRequestTheContainerAlreadyWrappedIsNotWrappedTwice() throws Exception {
        FormData form = FormData.parse("text=hi", 2048).orElseThrow();
        attributes.put(SavedForms.ATTRIBUTE, form);
        SavedFormRequest byTheMechanism = new SavedFormRequest(request, form);
        assertSame(byTheMechanism, filter(byTheMechanism));
        jakarta.servlet.http.HttpServletRequestWrapper around =
                new jakarta.servlet.http.HttpServletRequestWrapper(byTheMechanism);
        assertSame(around, filter(around), "the container's wrapper around it");
        assertEquals(1, ((HttpServletRequest) filter(around)).getParameterValues("text").length);
    }
}
