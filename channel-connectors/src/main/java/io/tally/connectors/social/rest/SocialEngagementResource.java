package io.tally.connectors.social.rest;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.social.service.SocialEngagementService;
import io.tally.support.problem.Problem;

/** Organic social engagement: post clicks, shares and comments as touchpoints. */
@Path("/api/v1/social/engagements")
@Tag(name = "Social", description = "Organic social engagement: post clicks, shares and comments")
public class SocialEngagementResource {

    @Inject
    SocialEngagementService service;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record organic social engagements", description = "Accepts one engagement object or an array "
            + "of them. Each becomes a touchpoint on tally.touchpoints: channel organic_social, interactionType click "
            + "for post_click and engagement for share and comment, source = the network, medium social, campaignCode "
            + "= linkId, id social:<network>:<id>. An e-mail address is published only as its SHA-256. The request is "
            + "all or nothing: if any engagement is invalid, nothing is published and every bad field is listed. 202 "
            + "is answered only after the broker acknowledged every touchpoint; ids are stable, so a retry is safe.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
            EngagementRequest.class, EngagementRequest[].class}), examples = {
                    @ExampleObject(name = "post click", summary = "A click on an Instagram post's link", value = SocialExamples.ENGAGEMENT),
                    @ExampleObject(name = "batch", summary = "A post click and a LinkedIn share", value = SocialExamples.ENGAGEMENTS)}))
    @APIResponse(responseCode = "202", description = "Every touchpoint was acknowledged by the broker", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngagementResponse.class), examples = @ExampleObject(name = "accepted", value = SocialExamples.ENGAGEMENTS_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid engagements; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = SocialExamples.ENGAGEMENTS_INVALID)))
    @APIResponse(responseCode = "413", description = "A body over the request size limit, or more engagements than the batch size", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = SocialExamples.ENGAGEMENTS_TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry with the same body", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = SocialExamples.ENGAGEMENTS_UNAVAILABLE)))
    public Response record(byte[] body) throws IOException {
        // an empty body reaches the service as null (named there); a syntax error goes to the shared problem mapper
        JsonNode tree = body == null || body.length == 0 ? null : mapper.readTree(body);
        Ingested ingested = service.record(tree);
        return Response.accepted(new EngagementResponse(ingested.eventIds().size(), ingested.eventIds(),
                ingested.duplicates().size())).build();
    }
}
