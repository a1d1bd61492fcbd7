package io.tally.campaign.campaigns;

import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.TrackingCodeView;

/** A campaign entity as the API shows it (what resources answer and what the audit trail records). */
public final class CampaignMapper {

    private CampaignMapper() {
    }

    public static CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.getId(), c.getProgramme().getId(), c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(TrackingCodeView::of).toList(), c.getStartDate(), c.getEndDate(),
                c.getBudget() == null ? null : c.getBudget().toPlainString(), c.getVersion());
    }
}
