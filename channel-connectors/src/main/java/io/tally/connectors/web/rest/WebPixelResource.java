package io.tally.connectors.web.rest;

import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.web.domain.PixelHit;
import io.tally.connectors.web.service.WebPixelService;

/** The 1×1 tracking pixel for pages without JavaScript and for email opens. */
@Path("/api/v1/collect/pixel.gif")
@Tag(name = "Web collector", description = "Page views, clicks, sign-ups, purchases and refunds from the site beacon")
public class WebPixelResource {

    /** The transparent 1×1 GIF (43 bytes). */
    static final byte[] GIF = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    static final String IMAGE_GIF = "image/gif";

    @Inject
    WebPixelService service;

    @GET
    @Produces(IMAGE_GIF)
    @Operation(summary = "Record a page view or email open from an image tag", description = "Always answers 200 with a "
            + "transparent 1×1 GIF and Cache-Control: no-store, even for invalid parameters: an image tag cannot show an "
            + "error, so an invalid request becomes a dead letter on tally.rejects (with the parameter and reason) "
            + "instead of a 400. t=page_view becomes a visit touchpoint (channel from the url's UTM and click-id "
            + "parameters and ref), or a page_view touchpoint (internal navigation, never a touch) when ref is the site "
            + "itself and the url has no UTM parameter or click id; t=email_open an email_open touchpoint in channel email with the campaign from "
            + "utm_campaign, else cid. Embed it as <img src=\".../pixel.gif?t=email_open&uid=…&cid=…\" width=1 "
            + "height=1 alt=\"\">.")
    @Parameter(name = "t", in = ParameterIn.QUERY, required = true, description = "Type: page_view or email_open", example = "email_open")
    @Parameter(name = "aid", in = ParameterIn.QUERY, description = "Anonymous id; aid or uid is required", example = "a-7f3c9e")
    @Parameter(name = "uid", in = ParameterIn.QUERY, description = "User or subscriber id", example = "u-1042")
    @Parameter(name = "url", in = ParameterIn.QUERY, description = "The page URL (page_view: required, absolute http(s))", example = "https://shop.example/?utm_source=partner&utm_medium=referral")
    @Parameter(name = "ref", in = ParameterIn.QUERY, description = "The referrer URL (page_view)", example = "https://blog.example.org/")
    @Parameter(name = "ts", in = ParameterIn.QUERY, description = "When: ISO-8601 instant or Unix epoch milliseconds; default now", example = "2026-11-22T10:15:30Z")
    @Parameter(name = "mid", in = ParameterIn.QUERY, description = "Message id: becomes the event id (else a name-based UUID)", example = "m-5c1e")
    @Parameter(name = "cid", in = ParameterIn.QUERY, description = "email_open: campaign code when utm_campaign is absent", example = "BF-2026")
    @Parameter(name = "utm_campaign", in = ParameterIn.QUERY, description = "email_open: campaign code", example = "BF-2026")
    @Parameter(name = "utm_source", in = ParameterIn.QUERY, description = "email_open: source", example = "newsletter")
    @Parameter(name = "utm_medium", in = ParameterIn.QUERY, description = "email_open: medium (default email)", example = "email")
    @Parameter(name = "consent", in = ParameterIn.QUERY, description = "Analytics consent: 1 or 0; 0 keeps the event unlinked. Default: tally.connectors.web-rules.assume-consent", example = "1")
    @APIResponse(responseCode = "200", description = "Always: the transparent GIF (valid requests are published, invalid ones dead-lettered)", headers = @Header(name = "Cache-Control", description = "no-store, max-age=0", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = IMAGE_GIF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pixel(@Context UriInfo uri) {
        service.record(PixelHit.of(uri.getQueryParameters()::getFirst));
        return Response.ok(GIF, IMAGE_GIF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store, max-age=0")
                .header("Pragma", "no-cache")
                .build();
    }
}
