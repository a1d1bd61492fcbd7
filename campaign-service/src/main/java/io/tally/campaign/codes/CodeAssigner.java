package io.tally.campaign.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.tally.campaign.api.TrackingCodeInput;
import io.tally.campaign.campaigns.Campaign;
import io.tally.campaign.campaigns.CampaignRepository;
import io.tally.support.problem.ProblemException;

/**
 * Gives a campaign exactly the tracking codes a create or replace asks for, by the rules of
 * {@link CodeAssignments}, under the codes' advisory locks; a code another campaign holds is a 409 naming that
 * campaign.
 */
@ApplicationScoped
public class CodeAssigner {

    @Inject
    CampaignRepository campaigns;

    /**
     * The spans of a campaign ({@code self}; a fresh id for a new one) once it holds exactly the requested codes (the
     * last type of a code asked for twice wins), taken under the codes' locks; a 409 naming the campaign that holds
     * one of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CodeSpan> assign(UUID self, List<TrackingCodeInput> requested) {
        Map<String, String> types = new LinkedHashMap<>();
        for (TrackingCodeInput code : requested == null ? List.<TrackingCodeInput> of() : requested) {
            types.put(TrackingCodes.normalise(code.code()),
                    code.type() == null ? CodeAssignments.DEFAULT_TYPE : code.type());
        }
        campaigns.lockCodes(types.keySet());
        try {
            return CodeAssignments.assign(self, types.entrySet().stream()
                    .map(e -> new CodeAssignments.Requested(e.getKey(), e.getValue())).toList(),
                    campaigns.spansOf(types.keySet()));
        } catch (CodeAssignments.Conflict conflict) {
            throw conflictWith(conflict);
        }
    }

    /**
     * Runs a write of a campaign's codes; the unique index on open-ended codes failing it (another transaction took one
     * of the codes after our check) is a 409.
     */
    public void write(Runnable write) {
        try {
            write.run();
        } catch (PersistenceException e) {
            if (!takenCode(e)) {
                throw e;
            }
            throw ProblemException.conflict("a tracking code of this campaign was just taken by another campaign;"
                    + " retry to see which");
        }
    }

    /** A 409 problem naming the campaign whose span is in the way. */
    ProblemException conflictWith(CodeAssignments.Conflict conflict) {
        Campaign other = campaigns.findById(conflict.span().campaignId());
        return ProblemException.conflict(conflict.getMessage() + ": campaign '" + other.getName() + "' ("
                + other.getId() + ")");
    }

    private static boolean takenCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintName() == null
                        || violation.getConstraintName().contains("tracking_code");
            }
        }
        return false;
    }
}
