package cn.zhongchuang.application;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
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
 * In demo mode, applications in every state (draft, submitted, mid-review, returned,
 * rejected, approved) for each bundled pack, made by the demo operators and decided by
 * the demo reviewers through the same service as the pages. Runs after the operator
 * module's demo organisations; only once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoApplications implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
			+ "%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	private final Applications applications;

	private final Accounts accounts;

	private final boolean demo;

	DemoApplications(Applications applications, Accounts accounts, @Value("${zhongchuang.demo-data}") boolean demo) {
		this.applications = applications;
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
				new Jurisdiction("liaoning-specialized-2019", "ln_operator", "沈阳",
						List.of("ln_city", "ln_province")))) {
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
		// draft
		ready(op, j, region, "草稿", false);
		// submitted, waiting at the first stage
		submit(op, ready(op, j, region, "待初审", true));
		// mid-review: first stage passed
		Application mid = submit(op, ready(op, j, region, "审查中", true));
		approveUntil(mid, 1, reviewers);
		// returned at the first stage that may return
		Application returned = submit(op, ready(op, j, region, "退回补正", true));
		decideAtFirst(returned, reviewers, Application.Decision.RETURN, ReviewStage::canReturn, "请补充近 12 个月活动的照片和签到表");
		// rejected at the first stage that may reject
		Application rejected = submit(op, ready(op, j, region, "未通过", true));
		decideAtFirst(rejected, reviewers, Application.Decision.REJECT, ReviewStage::canReject,
				"场地面积与租赁合同不符，经实地核查不满足认定条件");
		// approved: every stage
		Application approved = submit(op, ready(op, j, region, "已通过", true));
		approveUntil(approved, Integer.MAX_VALUE, reviewers);
		return 6;
	}

	private Application ready(CurrentUser op, Jurisdiction j, String region, String label, boolean materials) {
		Application app = this.applications.create(op, j.policy(), j.prefix() + "示范众创空间（" + label + "）", region, null);
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

	private Application submit(CurrentUser op, Application app) {
		return this.applications.submit(app.id(), null, op);
	}

	private void approveUntil(Application app, int count, List<CurrentUser> reviewers) {
		Application current = app;
		for (int i = 0; i < count && current.status().inReview(); i++) {
			current = decide(current, reviewers, Application.Decision.APPROVE, "材料齐全，符合要求，同意进入下一环节");
		}
	}

	private void decideAtFirst(Application app, List<CurrentUser> reviewers, Application.Decision decision,
			java.util.function.Predicate<ReviewStage> allowed, String reasons) {
		Application current = app;
		while (current.status().inReview()) {
			String code = current.currentStage();
			ReviewStage stage = this.applications.stagesOf(current)
				.stream()
				.filter((s) -> s.code().equals(code))
				.findFirst()
				.orElseThrow();
			if (allowed.test(stage)) {
				decide(current, reviewers, decision, reasons);
				return;
			}
			current = decide(current, reviewers, Application.Decision.APPROVE, "同意");
		}
	}

	private Application decide(Application app, List<CurrentUser> reviewers, Application.Decision decision,
			String reasons) {
		CurrentUser reviewer = reviewers.stream()
			.filter((r) -> r.role().name().equals(app.currentStageRole()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo reviewer for " + app.currentStageRole()));
		return this.applications.decide(app.id(), app.currentStage(), decision, reasons, app.version(), reviewer);
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
