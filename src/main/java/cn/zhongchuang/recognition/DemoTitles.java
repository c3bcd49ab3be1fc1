package cn.zhongchuang.recognition;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, after the recognized bases (assessment.DemoAssessments): 朝阳创客空间（一号基地）, a
 * district title, also holds an external national title (国家备案众创空间 by 科学技术部, recorded by
 * {@code national} with a generated one-page scan of the notice); and a recommendation
 * waits at each journey: 朝阳区 → 北京市 (that base, by {@code cy_bureau}) and 辽宁省 → 国家
 * (沈阳智造专业化众创空间（一号基地）, by {@code ln_province}). Each created once, in its own transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 45)
class DemoTitles implements ApplicationRunner {

	static final String CHAOYANG_BASE = "朝阳创客空间（一号基地）";

	static final String LIAONING_BASE = "沈阳智造专业化众创空间（一号基地）";

	static final String NATIONAL_DOCUMENT = "国科火字〔2025〕118号";

	private static final Logger log = LoggerFactory.getLogger(DemoTitles.class);

	private final Accounts accounts;

	private final Institutions institutions;

	private final RecognitionRecords records;

	private final ExternalTitles external;

	private final Recommendations recommendations;

	private final RecommendationRecords recommendationRecords;

	private final ChinesePdf pdf;

	private final Clock clock;

	private final boolean demo;

	private final TransactionTemplate transactions;

	DemoTitles(Accounts accounts, Institutions institutions, RecognitionRecords records, ExternalTitles external,
			Recommendations recommendations, RecommendationRecords recommendationRecords, ChinesePdf pdf, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.institutions = institutions;
		this.records = records;
		this.external = external;
		this.recommendations = recommendations;
		this.recommendationRecords = recommendationRecords;
		this.pdf = pdf;
		this.clock = clock;
		this.demo = demo;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		int n = 0;
		n += once("external national title", this::nationalTitle);
		n += once("Chaoyang recommendation",
				() -> recommend("cy_operator", CHAOYANG_BASE, "cy_bureau", "DISTRICT", "CITY",
						"该空间入驻企业 42 家，其中科技型企业 31 家；近两年举办路演、训练营等活动 60 余场，累计促成融资 8600 万元，运营效果显著。"
								+ "依据《朝阳区众创空间认定管理办法》第八条，推荐纳入北京市众创空间。"));
		n += once("Liaoning recommendation",
				() -> recommend("ln_operator", LIAONING_BASE, "ln_province", "PROVINCE", "NATIONAL",
						"该专业化众创空间聚焦工业互联网与智能装备，开放龙头企业研发设施和中试平台，在孵企业 35 家，拥有有效知识产权 120 余项。"
								+ "已达到国家级专业化众创空间条件，依据《辽宁省专业化众创空间建设指引（试行）》四(一)，推荐至科学技术部备案。"));
		if (n > 0) {
			log.info("Created {} demo external titles and recommendations", n);
		}
	}

	private int once(String what, Supplier<Boolean> step) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> step.get())) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			// an older demo database where someone did this by hand
			log.warn("Demo {} not created: {}", what, ex.toString());
			return 0;
		}
	}

	private boolean nationalTitle() {
		Optional<CurrentUser> national = user("national");
		Optional<InstitutionSummary> base = institution("cy_operator", CHAOYANG_BASE);
		if (national.isEmpty() || base.isEmpty()
				|| this.records.ofInstitution(base.get().id()).stream().anyMatch(Recognition::external)) {
			return false;
		}
		LocalDate date = ChinaTime.today(this.clock).minusMonths(7).withDayOfMonth(15);
		byte[] scan = notice(base.get(), date);
		this.external.record(
				new ExternalTitles.Form(base.get().id(), null, null, null, null, null, null, "NATIONAL",
						NATIONAL_DOCUMENT, date.toString(), "科学技术部", null, "国家备案众创空间"),
				new ExternalTitles.Evidence("科技部火炬中心备案通知.pdf", new ByteArrayInputStream(scan), scan.length),
				national.get());
		return true;
	}

	private boolean recommend(String operator, String name, String bureau, String fromLevel, String toLevel,
			String reasons) {
		Optional<CurrentUser> by = user(bureau);
		Optional<InstitutionSummary> base = institution(operator, name);
		if (by.isEmpty() || base.isEmpty() || !this.recommendationRecords.ofInstitution(base.get().id()).isEmpty()) {
			return false;
		}
		Optional<Recognition> title = this.records.activeAt(base.get().id(), fromLevel);
		if (title.isEmpty()) {
			return false;
		}
		this.recommendations.submit(title.get().id(), toLevel, reasons, by.get());
		return true;
	}

	/** A one-page notice as the Ministry publishes it, standing in for the scan. */
	private byte[] notice(InstitutionSummary base, LocalDate date) {
		return this.pdf.render("科学技术部火炬中心 " + NATIONAL_DOCUMENT, base.name(), (pages) -> {
			ChinesePdf.Text c = pages.newPage();
			float width = pages.width();
			float height = pages.height();
			c.stream().setNonStrokingColor(0.78f, 0.06f, 0.18f);
			c.centered(22, width, height - 110, "科学技术部火炬高技术产业开发中心文件");
			c.stream().setNonStrokingColor(0f, 0f, 0f);
			c.centered(12, width, height - 140, NATIONAL_DOCUMENT);
			c.centered(16, width, height - 190, "关于公布国家备案众创空间名单的通知");
			float y = height - 240;
			for (String paragraph : new String[] { "各省、自治区、直辖市及计划单列市科技厅（委、局）：",
					"　　根据《发展众创空间工作指引》和《国家众创空间备案暂行规定》，经地方科技管理部门推荐、专家评审和公示，" + "现将通过备案的众创空间名单予以公布。",
					"　　附件：国家备案众创空间名单（节选）", "　　北京市：" + base.name() + "（" + base.operatorName() + "）" }) {
				for (String line : c.wrap(12, width - 144, paragraph)) {
					c.at(12, 72, y, line);
					y -= 20;
				}
				y -= 6;
			}
			c.right(13, width - 72, y - 40, "科学技术部火炬高技术产业开发中心");
			c.right(12, width - 72, y - 62, ZhDates.format(date));
			c.stream().setNonStrokingColor(0.5f, 0.5f, 0.5f);
			c.at(9, 72, 48, "演示数据：本页代替认定文件的扫描件。");
		});
	}

	private Optional<InstitutionSummary> institution(String operator, String name) {
		return user(operator)
			.flatMap((u) -> this.institutions.mine(u).stream().filter((i) -> i.name().equals(name)).findFirst());
	}

	private Optional<CurrentUser> user(String username) {
		return this.accounts.find(username).map(CurrentUser.class::cast);
	}

}
