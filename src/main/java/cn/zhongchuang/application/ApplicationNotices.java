package cn.zhongchuang.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.notice.NoticeItem;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.notice.Notices.NoticeClosed;
import cn.zhongchuang.notice.Notices.NoticeWithdrawn;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pack's notice stage, held by the notice module: the bureau lists the applications
 * waiting there on a notice; when the notice closes each passes to the next stage, or is
 * rejected when an objection against it was upheld; when it is withdrawn each waits at
 * the notice stage again, free for a new notice.
 */
@Service
class ApplicationNotices {

	private final ApplicationRecords records;

	private final Applications applications;

	private final Notices notices;

	private final Operators operators;

	private final PolicyCatalog catalog;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationNotices(ApplicationRecords records, Applications applications, Notices notices, Operators operators,
			PolicyCatalog catalog, Regions regions, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.records = records;
		this.applications = applications;
		this.notices = notices;
		this.operators = operators;
		this.catalog = catalog;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Per pack that holds a notice stage: the applications within the user's region that
	 * wait there and are on no notice yet. Only the role that handles the stage sees any.
	 */
	@Transactional(readOnly = true)
	Map<PolicyPack, List<Application>> candidates(CurrentUser user) {
		Map<PolicyPack, List<Application>> byPack = new LinkedHashMap<>();
		if (!user.role().isGovernment()) {
			return byPack;
		}
		for (PolicyPack pack : this.catalog.all()) {
			Optional<String> stage = Applications.noticeStage(pack.definition());
			if (stage.isEmpty() || !this.regions.contains(pack.jurisdiction(), user.regionCode())
					&& !this.regions.contains(user.regionCode(), pack.jurisdiction())) {
				continue;
			}
			List<Application> waiting = this.records
				.awaitingNotice(pack.id(), stage.get(), this.regions.codesWithin(user.regionCode()))
				.stream()
				.filter((a) -> a.currentStageRole().equals(user.role().name()))
				.toList();
			byPack.put(pack, waiting);
		}
		return byPack;
	}

	/**
	 * Drafts a notice listing the chosen applications, all waiting at the notice stage of
	 * {@code policyId} within the user's region; each is then on that notice.
	 * @return the notice id
	 */
	@Transactional
	long putOnNotice(String policyId, List<Long> applicationIds, String title, CurrentUser user) {
		if (applicationIds == null || applicationIds.isEmpty()) {
			throw new FieldErrorException("ids", "请至少选择一项申请");
		}
		PolicyPack pack = this.catalog.latest(policyId);
		String stage = Applications.noticeStage(pack.definition())
			.orElseThrow(() -> new FieldErrorException("policyId", "该政策不要求认定前公示"));
		List<Application> chosen = new ArrayList<>();
		List<NoticeItem> items = new ArrayList<>();
		for (long id : applicationIds.stream().distinct().toList()) {
			Application app = this.records.lock(id).orElseThrow(() -> new NotFoundException("application " + id));
			this.applications.visible(id, user);
			if (!app.policyId().equals(policyId) || !user.role().name().equals(app.currentStageRole())) {
				throw new NotFoundException("application " + id);
			}
			String creditCode = this.operators.find(app.operatorId())
				.map(OperatorOrganisation::creditCode)
				.orElse(null);
			items.add(new NoticeItem(Applications.OWNER_TYPE, app.id(), app.spaceName(), app.operatorName(), creditCode,
					app.kind(), app.specialization(), pack.definition().level().name(), app.regionCode()));
			chosen.add(app);
		}
		long noticeId = this.notices.draft(policyId, user.regionCode(), title, items, user);
		Instant now = this.clock.instant();
		for (Application app : chosen) {
			app.putOnNotice(stage, noticeId);
			this.records.save(app);
			this.records.addDecision(app.id(), app.currentStage(), app.currentStageName(), "NOTICE",
					"列入公示 #" + noticeId + "《" + title.strip() + "》", user.username(), user.displayName(),
					user.role().name(), now);
		}
		return noticeId;
	}

	/**
	 * A notice closed: its applications leave the notice stage. Runs after the close has
	 * committed, from the event publication registry, so a failure is retried.
	 */
	@ApplicationModuleListener
	void on(NoticeClosed closed) {
		apply(closed);
	}

	/**
	 * Moves each application of the closed notice on, or rejects it. Applications no
	 * longer waiting at the notice stage are left alone, so a redelivered event changes
	 * nothing.
	 */
	@Transactional
	void apply(NoticeClosed closed) {
		Map<Long, String> outcome = new LinkedHashMap<>();
		closed.items()
			.stream()
			.filter((i) -> Applications.OWNER_TYPE.equals(i.subjectType()))
			.forEach((i) -> outcome.put(i.subjectId(), null));
		closed.removed()
			.stream()
			.filter((r) -> Applications.OWNER_TYPE.equals(r.item().subjectType()))
			.forEach((r) -> outcome.put(r.item().subjectId(), "公示期间异议成立：" + r.answer()));
		for (Map.Entry<Long, String> e : outcome.entrySet()) {
			Application app = this.records.lock(e.getKey()).orElse(null);
			if (app == null || app.noticeId() == null || app.noticeId() != closed.noticeId()
					|| !app.status().inReview()) {
				continue;
			}
			String noticeStage = Applications.noticeStage(this.applications.packOf(app).definition()).orElse(null);
			if (noticeStage == null || !noticeStage.equals(app.currentStage())) {
				continue;
			}
			boolean upheld = e.getValue() != null;
			String reasons = upheld ? e.getValue() : "公示期满，无异议或异议不成立";
			String stageCode = app.currentStage();
			String stageName = app.currentStageName();
			Instant now = this.clock.instant();
			try {
				app.noticeClosed(this.applications.stagesOf(app), noticeStage, closed.noticeId(), upheld, reasons, now);
			}
			catch (ConflictException ex) {
				continue;
			}
			this.records.save(app);
			String by = "notice:" + closed.noticeId();
			this.records.addDecision(app.id(), stageCode, stageName, upheld ? "REJECT" : "APPROVE", reasons, by,
					"公示 #" + closed.noticeId(), "SYSTEM", now);
			this.audit.record(AuditEntry.success("APPLICATION_NOTICE_RESULT", Applications.OWNER_TYPE, app.id(),
					"「" + stageName + "」" + (upheld ? "异议成立，不予通过：" : "通过：") + app.spaceName() + "，" + reasons,
					app.regionCode()));
			app.drainEvents().forEach(this.events::publishEvent);
		}
	}

	/**
	 * A notice was withdrawn: its applications wait at the notice stage again, on no
	 * notice. Runs after the withdrawal has committed, from the event publication
	 * registry, so a failure is retried.
	 */
	@ApplicationModuleListener
	void on(NoticeWithdrawn withdrawn) {
		apply(withdrawn);
	}

	/**
	 * Takes each application of the withdrawn notice off it. Applications no longer on
	 * that notice at the notice stage are left alone, so a redelivered event changes
	 * nothing.
	 */
	@Transactional
	void apply(NoticeWithdrawn withdrawn) {
		List<Long> ids = withdrawn.items()
			.stream()
			.filter((i) -> Applications.OWNER_TYPE.equals(i.subjectType()))
			.map(NoticeItem::subjectId)
			.distinct()
			.toList();
		for (long id : ids) {
			Application app = this.records.lock(id).orElse(null);
			if (app == null || app.noticeId() == null || app.noticeId() != withdrawn.noticeId()
					|| !app.status().inReview()) {
				continue;
			}
			String noticeStage = Applications.noticeStage(this.applications.packOf(app).definition()).orElse(null);
			if (noticeStage == null || !noticeStage.equals(app.currentStage())) {
				continue;
			}
			try {
				app.noticeWithdrawn(noticeStage, withdrawn.noticeId());
			}
			catch (ConflictException ex) {
				continue;
			}
			this.records.save(app);
			String reasons = "公示 #" + withdrawn.noticeId() + " 已撤回：" + withdrawn.reason();
			this.records.addDecision(app.id(), app.currentStage(), app.currentStageName(), "NOTICE_WITHDRAWN", reasons,
					"notice:" + withdrawn.noticeId(), "公示 #" + withdrawn.noticeId(), "SYSTEM", this.clock.instant());
			this.audit.record(AuditEntry.success("APPLICATION_NOTICE_WITHDRAWN", Applications.OWNER_TYPE, app.id(),
					"「" + app.currentStageName() + "」公示撤回，退回待公示：" + app.spaceName() + "，" + withdrawn.reason(),
					app.regionCode()));
		}
	}

}
