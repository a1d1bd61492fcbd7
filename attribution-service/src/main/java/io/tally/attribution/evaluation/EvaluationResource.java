package io.tally.attribution.evaluation;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.models.datadriven.BootstrapIntervals;
import io.tally.attribution.models.datadriven.IncrementalModel;
import io.tally.attribution.models.datadriven.IncrementalResult;
import io.tally.attribution.models.datadriven.ShapleyResult;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;

/** Evaluates exported path statistics with Tally's models, so analysts can compare with other tools. */
@Path("/api/v1/attribution/evaluate")
@Tag(name = "Models", description = "Attribution models")
public class EvaluationResource {

    static final String CSV = "text/csv";

    /**
     * The JSON answer: the models evaluated, each one's credit per channel and, when {@code shapley} is among them,
     * the Shapley interaction index of every pair of channels (positive: the two convert better together than their
     * separate effects add up to, i.e. synergy; negative: redundancy).
     */
    public record Evaluation(List<String> models, int order,
            @Schema(description = "How markov defined states and value: tally or channel_attribution", examples = "tally") String markovVariant,
            List<ChannelCredit> credits, List<ShapleyResult.Interaction> interactions,
            @Schema(description = "The measured effects the incremental model was calibrated to: per channel the share of its exposed journeys' conversions it caused as measured, as the data alone said, and as the calibrated model says") List<IncrementalResult.Applied> calibrations,
            @Schema(description = "With intervals=N: each data-driven model's share per channel with its 90 % bootstrap interval") List<BootstrapIntervals.Interval> intervals) {
    }

    @Inject
    PathEvaluationService evaluation;

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Evaluate a path file with attribution models", description = """
            Takes path statistics in the widely used CSV layout `path,total_conversions,total_conversion_value,\
            total_null` (path = channel names joined by `>`, spaces around names trimmed; header names matched \
            case-insensitively; blank counts read as 0; fractional counts allowed; the body is parsed as a stream) \
            and returns each requested model's credit per channel. Rule-based models credit every touch of a path \
            as they would live touchpoints, so `social > social > email` under linear gives social two thirds; \
            channel names that are Tally channels (e.g. `direct`) keep their meaning for last_non_direct and \
            custom. `markov` (order 1–3, consecutive repeats collapsed) and `shapley` learn channel shares from \
            converting and non-converting paths, solved exactly, and split the totals of the rows with touches by \
            those shares. `incremental` fits a latent-intent model of exposure and conversion to the same rows \
            (the channels of tally.attribution.intent-signals, by default `direct`, only signal intent and earn \
            nothing; a touch's lift fades by how many touches followed it) and splits the totals by each channel's \
            expected incremental conversions. Rows with an empty path are journeys without touches: they count in \
            Markov's and the incremental model's baseline and credit no channel. `experiments=paid_search:0.42` \
            calibrates the incremental model to measured relative lifts (holdout or lift tests): each named \
            channel's lifts are scaled until the share of its exposed journeys' conversions the model says it caused \
            is L / (1 + L), the others refitted; the JSON answer lists what was applied (`calibrations`). \
            `intervals=100` adds, per data-driven model and channel, the share with a 90 % percentile bootstrap \
            interval (`intervals`): each of the 100 replicates redraws every row's journeys as Poisson counts and \
            refits the model (the incremental model at the recency base of its point fit; markov under the tally \
            variant only); seeded, so repeatable. `time_decay` needs touch times, which path files lack. With `Accept: text/csv` \
            the answer is CSV `model,channel,conversions,value`; otherwise JSON. Figures have 6 decimals, and each \
            model's figures sum exactly to the total conversions and value of the rows with touches. With `shapley`, \
            the JSON answer also lists the Shapley interaction index of every pair of channels (`interactions`: \
            positive is synergy, e.g. social and email converting better together than their separate effects \
            add up to; negative is redundancy); the CSV answer has the credits only.             `markovVariant=channel_attribution` computes `markov` as the ChannelAttribution package's             `markov_model` does in the limit of infinite simulations: at order k its states are sliding windows of k             consecutive touches (a shorter path is one state, consecutive identical states collapsed), and value is             attributed by value-weighted removal effects (a conversion from a state is worth the mean value of the             conversions ending there); Tally's own definitions (`tally`, the default) use the last k channels after             repeats collapse, prefixes included, and split value by the conversion shares.""")
    @RequestBody(required = true, content = @Content(mediaType = CSV, examples = @ExampleObject(name = "paths", value = """
            path,total_conversions,total_conversion_value,total_null
            social > email,10,1000.00,90
            social,2,180.00,198
            email > search,8,760.00,72
            search,5,450.00,45
            """)))
    @APIResponse(responseCode = "200", description = "Credit per model and channel", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Evaluation.class), examples = @ExampleObject(name = "json", value = """
                    {"models":["linear"],"order":1,"markovVariant":"tally","credits":[
                     {"model":"linear","channel":"email","conversions":"9.000000","value":"880.000000"},
                     {"model":"linear","channel":"search","conversions":"9.000000","value":"830.000000"},
                     {"model":"linear","channel":"social","conversions":"7.000000","value":"680.000000"}],
                     "interactions":[]}""")),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = """
                    model,channel,conversions,value
                    linear,email,9.000000,880.000000
                    linear,search,9.000000,830.000000
                    linear,social,7.000000,680.000000
                    """))})
    @APIResponse(responseCode = "400", description = "Unknown model, bad order, or bad rows (each named)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad row", value = """
            {"type":"urn:tally:problem:validation","title":"Invalid request","status":400,
             "detail":"row 2.total_null must not be negative","instance":"/api/v1/attribution/evaluate",
             "errors":[{"field":"row 2.total_null","reason":"must not be negative"}]}""")))
    public Response evaluate(
            @Parameter(description = "Models, comma-separated", example = "first_touch,last_touch,linear,markov,shapley") @QueryParam("models") @DefaultValue("first_touch,last_touch,linear,markov,shapley") String models,
            @Parameter(description = "Markov order (1, 2 or 3)", example = "1", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3", defaultValue = "1")) @QueryParam("order") @DefaultValue("1") String order,
            @Parameter(description = "How markov defines states and value: tally (default) or channel_attribution (as that package's markov_model)", example = "channel_attribution", schema = @Schema(enumeration = {
                    "tally",
                    "channel_attribution"}, defaultValue = "tally")) @QueryParam("markovVariant") @DefaultValue("tally") String markovVariant,
            @Parameter(description = "Bootstrap replicates for 90 % intervals of the data-driven models' channel shares (markov, shapley, incremental): 0 for none (default), else 10 to 1000; each replicate refits the model", example = "100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000", defaultValue = "0")) @QueryParam("intervals") @DefaultValue("0") String intervals,
            @Parameter(description = "incremental only: measured relative lifts to calibrate to, as channel:lift pairs (a holdout test that found paid search lifts conversions by 42 % is paid_search:0.42)", example = "paid_search:0.42") @QueryParam("experiments") String experiments,
            HttpHeaders headers, InputStream body) {
        List<String> names = Arrays.stream(models.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
        Violations v = new Violations();
        Integer markovOrder = QueryValues.integer(v, "order", order, 1, 1, 3);
        evaluation.validate(names, markovOrder == null ? 1 : markovOrder, v);
        if (!PathEvaluationService.MARKOV_VARIANTS.contains(markovVariant)) {
            v.add("markovVariant", "must be one of " + String.join(", ", PathEvaluationService.MARKOV_VARIANTS));
        }
        List<IncrementalModel.Calibration> calibrations = calibrations(experiments, v);
        Integer replicates = QueryValues.integer(v, "intervals", intervals, 0, 0, 1000);
        if (replicates != null && replicates > 0 && replicates < 10) {
            v.add("intervals", "must be 0 or from 10 to 1000");
        }
        v.throwIfAny();
        PathEvaluationService.Result result = evaluation.evaluate(body, names, markovOrder, markovVariant,
                calibrations, replicates);
        List<ChannelCredit> credits = result.credits();
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(CSV)) && !t.isWildcardType());
        if (csv) {
            StringBuilder out = new StringBuilder("model,channel,conversions,value\n");
            credits.forEach(c -> out.append(c.model()).append(',').append(quote(c.channel())).append(',')
                    .append(c.conversions().toPlainString()).append(',').append(c.value().toPlainString())
                    .append('\n'));
            return Response.ok(out.toString(), CSV).build();
        }
        return Response
                .ok(new Evaluation(names, markovOrder, markovVariant, credits, result.interactions(),
                        result.calibrations(), result.intervals()),
                        MediaType.APPLICATION_JSON)
                .build();
    }

    /** {@code channel:lift,channel:lift}, each lift a number above −1 and at most 100, each channel once. */
    static List<IncrementalModel.Calibration> calibrations(String experiments, Violations v) {
        if (experiments == null || experiments.isBlank()) {
            return List.of();
        }
        List<IncrementalModel.Calibration> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pair : experiments.split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2 || parts[0].isBlank()) {
                v.add("experiments", "each entry is channel:lift, e.g. paid_search:0.42");
                continue;
            }
            String channel = parts[0].trim();
            double lift;
            try {
                lift = Double.parseDouble(parts[1].trim());
            } catch (NumberFormatException e) {
                v.add("experiments", "the lift of " + channel + " must be a number");
                continue;
            }
            if (!(lift > -1 && lift <= 100)) {
                v.add("experiments", "the lift of " + channel + " must be above -1 and at most 100");
            } else if (!seen.add(channel)) {
                v.add("experiments", channel + " is named twice");
            } else {
                out.add(IncrementalModel.Calibration.ofLift(channel, lift));
            }
        }
        return out;
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
