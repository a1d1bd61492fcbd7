package io.tally.campaign.alerts;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.api.AlertPage;
import io.tally.campaign.api.ApiExamples;
import io.tally.campaign.api.Paging;
import io.tally.support.problem.Problem;

/** The goal status changes (alerts). */
@Path("/api/v1/alerts")
@Tag(name = "Goals", description = "Revenue goals per programme, campaign or channel and period")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertService alerts;

    @GET
    @Operation(summary = "Goal status changes", description = "Every change of a goal's status (also published as"
            + " GoalStatusChanged on tally.goal-status), newest first, of one programme or of all. Goals are"
            + " evaluated every tally.goals.evaluate-every from the start of their period until"
            + " tally.goals.evaluate-after-end after it.")
    @APIResponse(responseCode = "200", description = "One page of alerts", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertPage.class), examples = @ExampleObject(name = "alerts", value = ApiExamples.ALERTS)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public AlertPage alerts(
            @Parameter(description = "Only this programme's alerts") @QueryParam("programmeId") UUID programmeId,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return alerts.findAlerts(programmeId, paging.page(), paging.size());
    }
}
