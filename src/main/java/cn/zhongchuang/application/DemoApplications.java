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
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, applications in every state (draft, submitted, mid-review, returned,
 * rejected, with a sealed expert panel, on an open notice where the pack has one,
 * recognized) for each bundled pack, made by the demo operators and decided by the demo
 * reviewers through the same service as the pages. Runs after the operator module's demo
 * organisations; only once.
 */
@Component
// after the demo organisations (+10) and the demo expert pool (+20)
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class DemoApplications implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
			+ "%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	private final Applications applications;

	private final ApplicationRecords records;

	private final ApplicationNotices notices;

	private final Notices noticeService;

	private final ExpertPanels panels;

	private final Accounts accounts;

	private final Clock clock;

	private final boolean demo;

	DemoApplications(Applications applications, ApplicationRecords records, ApplicationNotices notices,
			Notices noticeService, ExpertPanels panels, Accounts accounts, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.applications = applications;
		this.records = records;
		this.notices = notices;
		this.noticeService = noticeService;
		this.panels = panels;
		this.clock = clock;
		this.accounts = accounts;
		this.demo = demo;
	}

	private record Jurisdiction(String policy, String operator, String prefix, List<String> reviewers) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int created = 0;
		for (Jurisdiction j : List.of(
				new Jurisdiction("beijing-chaoyang-2017", "cy_operator", "朝阳", List.of("cy_bureau")),
				new Jurisdiction("lanzhou-2018", "lz_operator", "兰州", List.of("lz_county", "lz_bureau")),
				new Jurisdiction("liaoning-specialized-2019", "ln_operator", "沈阳", List.of("ln_city", "ln_province")),
				new Jurisdiction("jiangsu-2015", "js_operator", "玄武", List.of("js_city", "js_province")))) {
			created += create(j);
		}
		if (created > 0) {
			log.info("Created {} demo applications", created);
		}
	}

	private int create(Jurisdiction j) {
		Optional<CurrentUser> operator = user(j.operator());
		if (operator.isEmpty() || this.applications.organisationOf(operator.get()).isEmpty()
				|| !this.applications.mine(operator.get()).isEmpty()) {
			return 0;
		}
		CurrentUser op = operator.get();
		String region = this.applications.organisationOf(op).get().regionCode();
		List<CurrentUser> reviewers = j.reviewers().stream().map(this::user).flatMap(Optional::stream).toList();
		int created = 0;
		ready(op, j, region, "草稿", false);
		submit(op, ready(op, j, region, "待初审", true));
		Application mid = submit(op, ready(op, j, region, "审查中", true));
		decide(mid, reviewers, Application.Decision.APPROVE, "材料齐全，符合要求，同意进入下一环节");
		Application returned = submit(op, ready(op, j, region, "退回补正", true));
		decideAtFirst(returned, reviewers, Application.Decision.RETURN, ReviewStage::canReturn, "请补充近 12 个月活动的照片和签到表");
		Application rejected = submit(op, ready(op, j, region, "未通过", true));
		decideAtFirst(rejected, reviewers, Application.Decision.REJECT, ReviewStage::canReject,
				"场地面积与租赁合同不符，经实地核查不满足认定条件");
		created += 5;
		created += advance(submit(op, ready(op, j, region, "专家评审中", true)), reviewers, Stop.EXPERTS) ? 1 : 0;
		PackDefinition definition = this.applications.packOf(mid).definition();
		if (Applications.noticeStage(definition).isPresent()) {
			created += advance(submit(op, ready(op, j, region, "公示中", true)), reviewers, Stop.NOTICE) ? 1 : 0;
		}
		created += advance(submit(op, ready(op, j, region, "已认定", true)), reviewers, Stop.END) ? 1 : 0;
		return created;
	}

	private enum Stop {

		EXPERTS, NOTICE, END

	}

	/**
	 * Takes an application through its pack's stages as the demo reviewers would: experts
	 * drawn and (for the full flow) their paper score sheets typed in; the notice
	 * published (for the full flow backdated, so that its period is over, and closed).
	 * Stops with a panel sealed, on an open notice, or at the end.
	 * @return whether it reached the state asked for (a demo pool too small to draw from
	 * leaves it where it stands)
	 */
	private boolean advance(Application app, List<CurrentUser> reviewers, Stop stop) {
		Application current = app;
		String noticeStage = Applications.noticeStage(this.applications.packOf(app).definition()).orElse(null);
		while (current.status().inReview()) {
			String code = current.currentStage();
			ReviewStage stage = this.applications.currentStage(current).orElseThrow();
			CurrentUser reviewer = reviewerFor(current, reviewers);
			if (code.equals(noticeStage)) {
				long noticeId = this.notices.putOnNotice(current.policyId(), List.of(current.id()),
						current.spaceName() + "拟认定公示", reviewer);
				LocalDate today = ChinaTime.today(this.clock);
				if (stop == Stop.NOTICE) {
					this.noticeService.publish(noticeId, today, reviewer);
					return true;
				}
				this.noticeService.publishRecorded(noticeId, today.minusDays(30), reviewer);
				this.notices.apply(this.noticeService.close(noticeId, reviewer));
				current = this.records.findById(current.id()).orElseThrow();
				continue;
			}
			if (stage.expertsScore()) {
				ExpertPanels.Drawn drawn;
				try {
					drawn = this.applications.drawPanel(current.id(), 3, 1, Set.of(), reviewer);
				}
				catch (FieldErrorException ex) {
					log.warn("Demo expert pool too small for {}: {}", current.spaceName(), ex.errors());
					return false;
				}
				if (stop == Stop.EXPERTS) {
					return true;
				}
				int n = 0;
				for (long expert : drawn.members()) {
					Map<String, String> scores = new LinkedHashMap<>();
					int bonus = n++;
					this.applications.packOf(current)
						.definition()
						.scoring()
						.forEach((item) -> scores.put(item.code(),
								String.valueOf(Math.min(item.maxPoints(), item.maxPoints() * 4 / 5 + bonus))));
					this.panels.recordPaperScores(drawn.panelId(), expert, scores, "场地、团队和服务体系与申报材料一致，同意通过。", reviewer);
				}
			}
			current = decide(current, reviewers, Application.Decision.APPROVE, "材料齐全，符合要求，同意进入下一环节");
		}
		return stop == Stop.END && current.status() == ApplicationStatus.RECOGNIZED;
	}

	private CurrentUser reviewerFor(Application app, List<CurrentUser> reviewers) {
		return reviewers.stream()
			.filter((r) -> r.role().name().equals(app.currentStageRole()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo reviewer for " + app.currentStageRole()));
	}

	private Application ready(CurrentUser op, Jurisdiction j, String region, String label, boolean materials) {
		Application app = this.applications.create(op, j.policy(), j.prefix() + "示范众创空间（" + label + "）", region, null);
		this.applications.saveFacts(app.id(), op, exampleFacts(this.applications.form(app.id(), op)));
		if (materials) {
			PackDefinition definition = this.applications.packOf(app).definition();
			definition.materials()
				.stream()
				.filter(PackDefinition.Material::required)
				.forEach((m) -> this.applications.upload(app.id(), m.code(), m.name() + ".pdf",
						new ByteArrayInputStream(PDF), PDF.length, op));
		}
		return app;
	}

	/**
	 * What the demo operator types in: the figures of the pack's first example (the one
	 * that meets every automatic condition). A new demo institution has no records yet,
	 * so a computed figure is corrected with that reason, as an operator would.
	 */
	static Map<String, String> exampleFacts(Applications.FormView form) {
		JsonNode example = form.pack()
			.definition()
			.examples()
			.stream()
			.filter((e) -> e.subject() == PackDefinition.Subject.SPACE)
			.map(PackDefinition.Example::facts)
			.findFirst()
			.orElse(null);
		Map<String, String> out = new LinkedHashMap<>();
		if (example == null) {
			return out;
		}
		for (Applications.FactRow row : form.facts()) {
			JsonNode node = example.at("/" + row.field().path().replace('.', '/'));
			if (node.isMissingNode() || node.isNull() || node.isObject() || node.isArray()) {
				continue;
			}
			String value = node.asString();
			if (row.origin() == ApplicationRecords.Origin.COMPUTED) {
				if (!value.equals(row.value()) && !("\"" + value + "\"").equals(row.value())) {
					out.put("o." + row.field().path(), value);
					out.put("r." + row.field().path(), "新登记的载体，场地、名册等记录尚未录入系统，按申报材料填写");
				}
			}
			else {
				out.put("d." + row.field().path(), value);
			}
		}
		return out;
	}

	private Application submit(CurrentUser op, Application app) {
		return this.applications.submit(app.id(), null, op);
	}

	private void decideAtFirst(Application app, List<CurrentUser> reviewers, Application.Decision decision,
			java.util.function.Predicate<ReviewStage> allowed, String reasons) {
		Application current = app;
		while (current.status().inReview()) {
			ReviewStage stage = this.applications.currentStage(current).orElseThrow();
			if (allowed.test(stage)) {
				decide(current, reviewers, decision, reasons);
				return;
			}
			current = decide(current, reviewers, Application.Decision.APPROVE, "同意");
		}
	}

	private Application decide(Application app, List<CurrentUser> reviewers, Application.Decision decision,
			String reasons) {
		CurrentUser reviewer = reviewerFor(app, reviewers);
		return this.applications.decide(app.id(), app.currentStage(), decision, reasons, app.version(), reviewer);
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
