package io.passerine.sample;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /sample/admin}: only for the role {@code admin}, which the sample's own {@link SampleAdmins} store grants. */
@WebServlet("/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Html.write(res, 200, req.getContextPath(), "Admin", "<p id=\"admin\">X user <strong>"
                + Html.escape(req.getUserPrincipal().getName()) + "</strong> has the role <code>admin</code>, "
                + "granted by the sample's own identity store (<code>SampleAdmins</code>, key "
                + "<code>sample.admins</code>), not by X.</p>");
    }
}
