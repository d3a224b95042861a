package io.passerine.login.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first GET after a login that a form POST started (issue 20): {@code getParameter*} show the request's own
 * (query) parameters followed by the kept form's, as the POST's did (Servlet 6.0 §3.1: query data first). The method
 * stays {@code GET}: nothing is posted. The container's parameters are read only when the application asks.
 */
final class SavedFormRequest extends HttpServletRequestWrapper {

    private final FormData form;
    private Map<String, String[]> merged;

    SavedFormRequest(HttpServletRequest request, FormData form) {
        super(request);
        this.form = form;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public synchronized Map<String, String[]> getParameterMap() {
        if (merged == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap().forEach((k, v) -> all.computeIfAbsent(k, n -> new ArrayList<>()).addAll(List.of(v)));
            form.parameters().forEach((k, v) -> all.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
            Map<String, String[]> m = new LinkedHashMap<>();
            all.forEach((k, v) -> m.put(k, v.toArray(String[]::new)));
            merged = Collections.unmodifiableMap(m);
        }
        return merged;
    }
}
