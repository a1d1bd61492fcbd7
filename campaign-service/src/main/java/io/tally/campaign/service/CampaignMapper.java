package io.tally.campaign.service;

import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.TrackingCodeView;
import io.tally.campaign.repository.Campaign;

/** A campaign entity as the API shows it (what resources answer and what the audit trail records). */
final class CampaignMapper {

    private CampaignMapper() {
    }

    static CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.getId(), c.getProgramme().getId(), c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(TrackingCodeView::of).toList(), c.getStartDate(), c.getEndDate(),
                c.getBudget() == null ? null : c.getBudget().toPlainString(), c.getVersion());
    }
}
