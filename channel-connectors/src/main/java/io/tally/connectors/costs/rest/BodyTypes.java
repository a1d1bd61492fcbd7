package io.tally.connectors.costs.rest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.ws.rs.core.MediaType;

import io.tally.support.problem.ProblemException;

/** Checks a streamed body's declared media type before it is read (415 otherwise). */
final class BodyTypes {

    static final String TEXT_CSV = "text/csv";
    static final MediaType CSV = MediaType.valueOf(TEXT_CSV);

    private BodyTypes() {
    }

    /**
     * The declared charset (UTF-8 when none) of a body that must be {@code expected}.
     *
     * @param what how the error names the body ("the export")
     * @throws ProblemException 415 for another or a missing media type, or an unknown charset
     */
    static Charset require(MediaType declared, MediaType expected, String what) {
        if (!declares(declared, expected)) {
            throw unsupported(declared, what + " as " + expected);
        }
        return charset(declared);
    }

    /** Whether {@code declared} is {@code expected} (parameters aside), not a wildcard. */
    static boolean declares(MediaType declared, MediaType expected) {
        return declared != null && expected.isCompatible(declared) && !declared.isWildcardType()
                && !declared.isWildcardSubtype();
    }

    /**
     * 415 for a body of the wrong type.
     *
     * @param wanted what to send instead ("the export as text/csv")
     */
    static ProblemException unsupported(MediaType declared, String wanted) {
        return ProblemException.unsupportedMediaType("send " + wanted + ", not "
                + (declared == null
                        ? "a body without Content-Type"
                        : declared.getType() + "/" + declared.getSubtype()));
    }

    /**
     * The declared charset, UTF-8 when none.
     *
     * @throws ProblemException 415 for an unknown charset
     */
    static Charset charset(MediaType declared) {
        String charset = declared.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.unsupportedMediaType("the charset " + charset + " is not supported");
        }
    }
}
