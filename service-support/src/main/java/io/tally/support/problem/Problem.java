package io.tally.support.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.events.validation.Violation;

/**
 * An RFC 9457 problem detail, the one error body of every Tally API ({@code application/problem+json}).
 *
 * @param errors for validation problems: every bad field with its reason
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(examples = "urn:tally:problem:validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "2 fields are invalid") String detail,
        @Schema(examples = "/api/v1/programmes") String instance,
        List<Violation> errors) {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";
}
