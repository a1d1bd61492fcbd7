package io.tally.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tally.support.security.Role;

/**
 * The HTML of {@link LocalSignIn}: the page that offers a button per role, and the page that refuses a request it
 * cannot send back to the application. No script; every value from the request is HTML-escaped.
 */
final class SignInPage {

    private static final String STYLE = """
            body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #ffffff; }
            main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }
            h1 { font-size: 1.6rem; margin: 0 0 1rem; }
            ul { list-style: none; margin: 1.5rem 0 0; padding: 0; }
            li { margin: 0 0 1.25rem; }
            button { font: inherit; font-weight: 600; min-width: 14rem; padding: 0.6rem 1rem; cursor: pointer;
              color: #ffffff; background: #0b4f9c; border: 2px solid #0b4f9c; border-radius: 0.375rem; }
            button:hover { background: #083a73; border-color: #083a73; }
            button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
            .role p { margin: 0.35rem 0 0; color: #3d3d3d; }
            code { font-size: 0.95em; }
            """;

    private SignInPage() {
    }

    /**
     * The sign-in page for an authorization request: a form posting {@code parameters} back (hidden) with the role of
     * the button pressed.
     */
    static String roles(Map<String, String> parameters, String redirectUri) {
        StringBuilder hidden = new StringBuilder();
        parameters.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        StringBuilder buttons = new StringBuilder();
        for (Role role : Role.values()) {
            String id = "role-" + role.claim();
            buttons.append("<li class=\"role\"><button type=\"submit\" name=\"role\" value=\"").append(role.claim())
                    .append("\" aria-describedby=\"").append(id).append("\">Sign in as ").append(role.claim())
                    .append("</button>\n<p id=\"").append(id).append("\">").append(escape(role.description()))
                    .append("</p></li>\n");
        }
        return document("Sign in to Tally (local)", """
                <p>This is the local stand-in for your organisation's identity provider, run by <code>./tally up</code>
                on this machine only. There are no accounts or passwords here: choose the role to sign in with. With a
                real provider you sign in with your own account and get the roles your organisation gave you.</p>
                <p>You are signing in to <strong>%s</strong>.</p>
                <form method="post" action="/authorize">
                %s<ul>
                %s</ul>
                </form>
                """.formatted(escape(redirectUri), hidden, buttons));
    }

    /** The page for a request that cannot be answered with a redirect (unknown client or redirect URI). */
    static String refusal(String reason) {
        return document("Sign-in request refused", """
                <p>%s</p>
                <p>This local sign-in of <code>./tally up</code> answers only the Tally dashboard served by the local
                gateway, so it does not send you back to the address in this request.</p>
                """.formatted(escape(reason)));
    }

    /** The parameters of an authorization request that the sign-in form carries over, in a stable order. */
    static Map<String, String> carried(FormParameters request, String... names) {
        Map<String, String> carried = new LinkedHashMap<>();
        for (String name : names) {
            String value = request.get(name);
            if (value != null) {
                carried.put(name, value);
            }
        }
        return carried;
    }

    /** {@code text} with the characters that mean something in HTML text or a quoted attribute escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s</main>
                </body>
                </html>
                """.formatted(title, STYLE, title, body);
    }
}
