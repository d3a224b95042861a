package io.passerine.login.internal;

import io.passerine.internal.config.LoginSettings;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives {@link XLoginMechanism#validateRequest} without a server: request, response, session and message context
 * are JDK proxies over plain fields. The request refuses {@code getParameter*} (the container's own parsing, which
 * the mechanism must never trigger on the paths it guards): a call fails the test.
 */
final class MechanismHarness {

    /** One browser: its session (if any) survives between requests. */
    final Map<String, Object> session = new HashMap<>();
    boolean hasSession;
    /** Lets the application (a test, after the mechanism ran) read the container's parameters: {@code q}. */
    boolean appReadsParameters;
    final List<Cookie> cookies = new ArrayList<>();
    /** Request headers every request of this browser sends (issue 15: Sec-Fetch-*, Accept, ...); case-insensitive. */
    final Map<String, String> browserHeaders = new HashMap<>();
    /** Whether the next requests come from {@code authenticate()} (isAuthenticationRequest). */
    boolean authenticationRequest;
    /** What {@code SecurityContext.authenticate} passed (null: {@code request.authenticate()}). */
    jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters authParameters;

    private final XLoginMechanism mechanism;

    /** The mechanism of {@code login} (its application groups: {@link LoginAssembly#of(LoginSettings,
     * io.passerine.internal.config.ClusterSettings, java.time.Clock, io.passerine.internal.metrics.Metrics,
     * AppGroups)}). */
    MechanismHarness(LoginAssembly login) {
        mechanism = new XLoginMechanism(login);
    }

    /** {@code HttpServletRequest.logout()}: the container calls the mechanism's {@code cleanSubject}. */
    Exchange logout(String uri) {
        Exchange ex = new Exchange();
        mechanism.cleanSubject(request(ex, "GET", uri, null, Map.of(), null), response(ex), context(ex, false));
        return ex;
    }

    /** What one request produced. */
    static final class Exchange {
        int status = 200;
        String location;
        String principal;
        Set<String> groups;
        AuthenticationStatus result;
        final StringWriter body = new StringWriter();
        final Map<String, String> headers = new HashMap<>();
        final List<String> containerParsing = new ArrayList<>();
        String forwardedTo;
        boolean bodyOpened;
        final Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request;
        /** The request handed to {@code HttpMessageContext.withRequest}, if any. */
        HttpServletRequest wrapped;
        /** Whether the mechanism cleaned the client subject (cleanSubject's default). */
        boolean cleaned;
    }

    /** A request body as the container streams it. */
    private static final class Body extends jakarta.servlet.ServletInputStream {
        private final java.io.ByteArrayInputStream in;

        Body(byte[] bytes) {
            in = new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    Exchange get(String uri, String query, boolean protectedResource) {
        return send("GET", uri, query, protectedResource);
    }

    Exchange send(String method, String uri, String query, boolean protectedResource) {
        return send(method, uri, query, protectedResource, Map.of(), null);
    }

    /** A request with {@code headers} (e.g. {@code Origin}, {@code Content-Type}) and a {@code body} (null: none). */
    Exchange send(String method, String uri, String query, boolean protectedResource, Map<String, String> headers,
            String body) {
        Exchange ex = new Exchange();
        HttpServletRequest req = request(ex, method, uri, query, headers, body);
        return send(ex, req, protectedResource);
    }

    /**
     * A request of this browser, recorded in {@code ex}: {@code getParameter*} fail the test (the container's
     * parsing); the body is counted when read.
     */
    HttpServletRequest request(Exchange ex, String method, String uri, String query, Map<String, String> headers,
            String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpServletRequest req = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getRequestURI" -> uri;
            case "getContextPath" -> "/ctx";
            case "getQueryString" -> query;
            case "getMethod" -> method;
            case "getSession" -> session(args == null || (boolean) args[0]);
            case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
            case "getParameter", "getParameterMap", "getParameterValues", "getParameterNames" -> {
                ex.containerParsing.add(name);
                if (appReadsParameters && name.equals("getParameterMap")) {
                    yield Map.of("q", new String[] {"from-the-url"}); // the application's view, after the mechanism
                }
                throw new AssertionError("container parameter parsing triggered: " + name);
            }
            case "changeSessionId" -> "new-id";
            case "getHeader" -> headers.containsKey((String) args[0]) ? headers.get((String) args[0])
                    : browserHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
            case "getContentType" -> headers.get("Content-Type");
            case "getContentLengthLong" -> body == null ? -1L : (long) bytes.length;
            case "getInputStream" -> {
                ex.bodyOpened = true;
                yield new Body(bytes);
            }
            case "getAttribute" -> ex.attributes.get((String) args[0]);
            case "setAttribute" -> ex.attributes.put((String) args[0], args[1]);
            default -> null;
        });
        ex.request = req;
        return req;
    }

    private Exchange send(Exchange ex, HttpServletRequest req, boolean protectedResource) {
        ex.result = mechanism.validateRequest(req, response(ex), context(ex, protectedResource));
        return ex;
    }

    private HttpServletResponse response(Exchange ex) {
        return proxy(HttpServletResponse.class, (name, args) -> {
            switch (name) {
                case "setStatus" -> ex.status = (int) args[0];
                case "setHeader", "addHeader" -> {
                    ex.headers.put((String) args[0], (String) args[1]);
                    if ("Set-Cookie".equalsIgnoreCase((String) args[0])) {
                        keep((String) args[1]); // the sealed transaction cookie comes back on the next request
                    }
                }
                case "addCookie" -> cookies.add((Cookie) args[0]);
                case "getWriter" -> {
                    return new PrintWriter(ex.body, true);
                }
                default -> {
                }
            }
            return null;
        });
    }

    private HttpMessageContext context(Exchange ex, boolean protectedResource) {
        return proxy(HttpMessageContext.class, (name, args) -> switch (name) {
            case "isProtected" -> protectedResource;
            case "isAuthenticationRequest" -> authenticationRequest;
            case "getAuthParameters" -> authParameters;
            case "cleanClientSubject" -> {
                ex.cleaned = true;
                yield null;
            }
            case "redirect" -> {
                ex.status = 302;
                ex.location = (String) args[0];
                yield AuthenticationStatus.SEND_CONTINUE;
            }
            case "notifyContainerAboutLogin" -> {
                ex.principal = (String) args[0];
                @SuppressWarnings("unchecked")
                Set<String> g = (Set<String>) args[1];
                ex.groups = g;
                yield AuthenticationStatus.SUCCESS;
            }
            case "doNothing" -> AuthenticationStatus.NOT_DONE;
            case "forward" -> {
                ex.forwardedTo = (String) args[0];
                yield AuthenticationStatus.SEND_CONTINUE;
            }
            case "withRequest" -> {
                ex.wrapped = (HttpServletRequest) args[0];
                yield null;
            }
            default -> null;
        });
    }

    /** A {@code Set-Cookie} header into the jar ({@code Max-Age=0} removes). */
    private void keep(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        cookies.removeIf(c -> c.getName().equals(name));
        if (!header.contains("Max-Age=0;") && !header.endsWith("Max-Age=0")) {
            cookies.add(new Cookie(name, pair.substring(eq + 1)));
        }
    }

    private HttpSession session(boolean create) {
        if (!hasSession && !create) {
            return null;
        }
        hasSession = true;
        return proxy(HttpSession.class, (name, args) -> switch (name) {
            case "getAttribute" -> session.get((String) args[0]);
            case "setAttribute" -> session.put((String) args[0], args[1]);
            case "removeAttribute" -> session.remove((String) args[0]);
            case "getAttributeNames" -> Collections.enumeration(session.keySet());
            case "invalidate" -> {
                session.clear();
                hasSession = false;
                yield null;
            }
            case "getId" -> "session-id";
            default -> null;
        });
    }

    private interface Handler {
        Object handle(String method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler h) {
        return type.cast(Proxy.newProxyInstance(MechanismHarness.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        return switch (m.getName()) {
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> type.getSimpleName() + "(test proxy)";
                        };
                    }
                    Object r = h.handle(m.getName(), args);
                    if (r == null && m.getReturnType() == boolean.class) {
                        return false;
                    }
                    if (r == null && m.getReturnType() == int.class) {
                        return 0;
                    }
                    if (r == null && m.getReturnType() == long.class) {
                        return 0L;
                    }
                    return r;
                }));
    }
}
