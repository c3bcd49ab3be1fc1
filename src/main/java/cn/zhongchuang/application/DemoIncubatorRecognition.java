package cn.zhongchuang.application;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.notice.Notices;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, an incubator in 朝阳 (110105) recognized as a 区级科技企业孵化机构 under
 * {@code beijing-chaoyang-incubator-2014} (seed 001 五(二)) through the system: cy_operator
 * opens the application for a new incubator, declares the facts its records do not give
 * (and corrects, with a reason, those the records of a new institution cannot give yet),
 * uploads the materials and submits; cy_bureau reviews, the experts' paper score sheets
 * are typed in, the notice is recorded as held and closed, and the last stage grants the
 * DISTRICT title, which the registry and {@code GET /api/v1/institutions} then show. Runs
 * after {@link DemoApplications}; only once (not when the operator already applied under
 * this pack).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 26)
class DemoIncubatorRecognition implements ApplicationRunner {

	static final String POLICY = "beijing-chaoyang-incubator-2014";

	static final String NAME = "朝阳望京科技企业孵化器";

	private static final Logger log = LoggerFactory.getLogger(DemoIncubatorRecognition.class);

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
			+ "%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	private static final String RECORDS_NOT_ENTERED = "在孵企业与毕业企业名单见申报材料（演示数据未逐家录入系统）";

	private final Applications applications;

	private final ApplicationRecords records;

	private final ApplicationNotices notices;

	private final Notices noticeService;

	private final ExpertPanels panels;

	private final Accounts accounts;

	private final Clock clock;

	private final boolean demo;

	DemoIncubatorRecognition(Applications applications, ApplicationRecords records, ApplicationNotices notices,
			Notices noticeService, ExpertPanels panels, Accounts accounts, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.applications = applications;
		this.records = records;
		this.notices = notices;
		this.noticeService = noticeService;
		this.panels = panels;
		this.accounts = accounts;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		Optional<CurrentUser> operator = user("cy_operator");
		Optional<CurrentUser> bureau = user("cy_bureau");
		if (operator.isEmpty() || bureau.isEmpty() || this.applications.organisationOf(operator.get()).isEmpty()
				|| this.applications.packsFor(this.applications.organisationOf(operator.get()).get())
					.stream()
					.noneMatch((p) -> p.id().equals(POLICY))
				|| this.applications.mine(operator.get()).stream().anyMatch((a) -> a.policyId().equals(POLICY))) {
			return;
		}
		CurrentUser op = operator.get();
		Application app = this.applications.create(op, POLICY, NAME, "110105", null);
		this.applications.saveFacts(app.id(), op, facts(this.applications.form(app.id(), op)));
		PackDefinition definition = this.applications.packOf(app).definition();
		definition.materials()
			.stream()
			.filter(PackDefinition.Material::required)
			.forEach((m) -> this.applications.upload(app.id(), m.code(), m.name() + ".pdf",
					new ByteArrayInputStream(PDF), PDF.length, op));
		Application submitted = this.applications.submit(app.id(), null, op);
		if (advance(submitted, bureau.get())) {
			log.info("Recognized the demo incubator {} under {}", NAME, POLICY);
		}
	}

	/**
	 * What the operator types in: the declared facts, and the computed ones the records
	 * of a new institution cannot give yet, corrected with a reason.
	 */
	private static Map<String, String> facts(Applications.FormView form) {
		Map<String, String> declared = new LinkedHashMap<>();
		declared.put("operator.independentLegalEntity", "true");
		declared.put("operator.registeredRegion", "110105");
		declared.put("space.operatingSince", "2018-05-01");
		declared.put("space.totalAreaM2", "12000");
		declared.put("incubator.tenantAreaM2", "9600");
		declared.put("incubator.statisticsYearsReported", "5");
		declared.put("incubator.staffTotal", "10");
		declared.put("incubator.fundWan", "800");
		declared.put("incubator.professionalServicePlatform", "false");
		declared.put("tenants.count", "60");
		declared.put("tenants.inFocusSegment", "12");
		declared.put("staff.incubationProfessionals", "8");
		declared.put("mentors.count", "9");
		declared.put("investments.count", "4");
		declared.put("incubator.financedTenants", "7");
		declared.put("incubator.tenantsWithPatentApplications", "31");
		declared.put("incubator.tenantsWithValidIp", "12");
		declared.put("incubator.graduatesTotal", "24");
		Set<String> computed = new java.util.HashSet<>();
		form.facts()
			.stream()
			.filter((row) -> row.origin() == ApplicationRecords.Origin.COMPUTED)
			.forEach((row) -> computed.add(row.field().path()));
		Map<String, String> out = new LinkedHashMap<>();
		declared.forEach((path, value) -> {
			if (computed.contains(path)) {
				out.put("o." + path, value);
				out.put("r." + path, RECORDS_NOT_ENTERED);
			}
			else {
				out.put("d." + path, value);
			}
		});
		return out;
	}

	/**
	 * Through the pack's stages as the bureau would: experts drawn and their paper score
	 * sheets typed in, the notice recorded as held 30 days ago and closed, every other
	 * stage approved.
	 */
	private boolean advance(Application app, CurrentUser bureau) {
		Application current = app;
		String noticeStage = Applications.noticeStage(this.applications.packOf(app).definition()).orElse(null);
		while (current.status().inReview()) {
			ReviewStage stage = this.applications.currentStage(current).orElseThrow();
			if (stage.code().equals(noticeStage)) {
				long noticeId = this.notices.putOnNotice(current.policyId(), List.of(current.id()),
						"朝阳区科技企业孵化机构拟认定名单公示", bureau);
				LocalDate today = ChinaTime.today(this.clock);
				this.noticeService.publishRecorded(noticeId, today.minusDays(30), bureau);
				this.notices.apply(this.noticeService.close(noticeId, bureau));
				current = this.records.findById(current.id()).orElseThrow();
				continue;
			}
			if (stage.expertsScore()) {
				ExpertPanels.Drawn drawn;
				try {
					drawn = this.applications.drawPanel(current.id(), 3, 1, Set.of(), bureau);
				}
				catch (FieldErrorException ex) {
					log.warn("Demo expert pool too small for {}: {}", current.spaceName(), ex.errors());
					return false;
				}
				Application scored = current;
				for (long expert : drawn.members()) {
					Map<String, String> scores = new LinkedHashMap<>();
					this.applications.packOf(scored)
						.definition()
						.scoring()
						.forEach((item) -> scores.put(item.code(), String.valueOf(item.maxPoints() * 9 / 10)));
					this.panels.recordPaperScores(drawn.panelId(), expert, scores,
							"场地、在孵企业、毕业企业与孵化资金与申报材料一致，实地核查属实，同意认定。", bureau);
				}
			}
			current = this.applications.decide(current.id(), current.currentStage(), Application.Decision.APPROVE,
					"材料齐全，符合国科发区〔2018〕300号第九条各项条件，同意进入下一环节", current.version(), bureau);
		}
		return current.status() == ApplicationStatus.RECOGNIZED;
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
