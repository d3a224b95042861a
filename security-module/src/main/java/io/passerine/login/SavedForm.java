package io.passerine.login;

import io.passerine.login.internal.FormData;
import io.passerine.login.internal.SavedForms;
import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form a same-origin POST left behind when it had to log in or step up first (issue 20): on the first GET of the
 * same URL after that login, and on no other request, {@code SavedForm.of(request)} returns it (and
 * {@code request.getParameter*} include it). Show it again, filled in, and let the user submit it again with a fresh
 * CSRF token: Passerine never posts it by itself, since a cross-site page can start a login too.
 */
public final class SavedForm {

    private final FormData form;

    private SavedForm(FormData form) {
        this.form = form;
    }

    /**
     * @param request the current request
     * @return the form restored on this request, if it is the first GET after a login that a form POST started
     */
    public static Optional<SavedForm> of(ServletRequest request) {
        return request.getAttribute(SavedForms.ATTRIBUTE) instanceof FormData f ? Optional.of(new SavedForm(f))
                : Optional.empty();
    }

    /** {@return name → values, in the order posted; unmodifiable} */
    public Map<String, List<String>> parameters() {
        return form.parameters();
    }

    /**
     * @param name a parameter name
     * @return the first value posted for {@code name}
     */
    public Optional<String> first(String name) {
        List<String> values = form.parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return "SavedForm[" + form.parameters().keySet() + ", values redacted]";
    }
}
