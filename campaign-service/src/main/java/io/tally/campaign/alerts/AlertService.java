package io.tally.campaign.alerts;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.tally.campaign.api.AlertPage;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.programmes.ProgrammeService;

/** Lists goal status changes. */
@ApplicationScoped
public class AlertService {

    @Inject
    GoalAlertRepository alerts;
    @Inject
    ProgrammeService programmes;
    @Inject
    CampaignConfig config;

    /** One page of alerts, of one programme (404 when unknown) or of all, newest first. */
    @Transactional
    public AlertPage findAlerts(UUID programmeId, int page, int requestedSize) {
        if (programmeId != null) {
            programmes.require(programmeId);
        }
        int size = Math.min(requestedSize, config.api().maxPageSize());
        var items = alerts.findPage(programmeId, Page.of(page, size)).stream()
                .map(a -> new AlertPage.Alert(a.getId(), a.getGoalId(), a.getProgrammeId(), a.getPeriod(),
                        a.getPreviousStatus(), a.getStatus(), a.getAt(), a.getGoalAmount().toPlainString(),
                        a.getAttributed().toPlainString(), a.getExpected().toPlainString(), a.getCurrency()))
                .toList();
        return new AlertPage(items, page, size, alerts.countOf(programmeId));
    }
}
