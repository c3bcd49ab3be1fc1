package cn.zhongchuang.recognition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium, the two journeys of recommendation upward and an external title:
 * seed 000 Art. 8 (朝阳区 district title → cy_bureau recommends → bj_city grants 北京市众创空间)
 * and seed 003 四(一) (a Liaoning provincial title → ln_province recommends to the Ministry
 * → national records 国家级专业化众创空间备案); then national records a title from a document with
 * its scan. Screenshots land in target/screenshots (rec-journey-*).
 */
class RecommendationBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long institution(String name) {
		return this.jdbc.sql("SELECT id FROM institution WHERE name = :n ORDER BY id LIMIT 1")
			.param("n", name)
			.query(Long.class)
			.single();
	}

	@Test
	void seed000Art8ChaoyangRecommendsAndBeijingGrantsAMunicipalTitle() {
		long wangjing = institution("朝阳区望京创客工场");
		Page district = signedIn("cy_bureau");
		district.navigate(url("/institutions/" + wangjing));
		var titles = district.locator("#institution-titles");
		assertThat(titles).containsText("区县级");
		shot(district, "rec-journey-01-district-title");
		titles.locator("text=推荐至上一级").click();
		assertThat(district.locator("#recommendation-title")).containsText("朝阳区望京创客工场");
		// skipping the municipal level is refused at the field
		district.selectOption("#toLevel", "NATIONAL");
		district.fill("#reasons", "越级试一下");
		district.click("#recommendation-form button[type=submit]");
		assertThat(district.locator("#toLevel + .invalid-feedback")).containsText("区县级称号推荐至市级");
		shot(district, "rec-journey-02-next-level-only");
		district.selectOption("#toLevel", "CITY");
		district.fill("#reasons", "该空间入驻企业 28 家，近两年促成融资 5200 万元，运营效果显著；依据第八条推荐纳入北京市众创空间。");
		district.click("#recommendation-form button[type=submit]");
		assertThat(district.locator(".alert-success")).containsText("北京市科学技术委员会");
		assertThat(district.locator("#recommendation-number")).containsText(Pattern.compile("朝科推〔\\d{4}〕第\\d{3}号"));
		assertThat(district.locator("#recommendation-status")).hasText("待处理");
		assertThat(district.locator("#letter-pdf")).isVisible();
		shot(district, "rec-journey-03-letter-submitted");
		String number = district.locator("#recommendation-number").textContent().strip();

		Page beijing = signedIn("bj_city");
		assertThat(beijing.locator("#home-recommendations")).containsText("件推荐待您处理");
		shot(beijing, "rec-journey-04-beijing-todo");
		beijing.click("#home-recommendations");
		assertThat(beijing.locator("#results")).containsText(number);
		shot(beijing, "rec-journey-05-beijing-queue");
		beijing.click("#results >> text=" + number);
		assertThat(beijing.locator("#recommendation-reasons")).containsText("运营效果显著");
		assertThat(beijing.locator("#designation")).hasValue("北京市众创空间");
		shot(beijing, "rec-journey-06-beijing-decides");
		beijing.click("#accept-form button[type=submit]");
		assertThat(beijing.locator(".alert-success")).containsText("北京市众创空间");
		assertThat(beijing.locator("#recommendation-status")).hasText("已接受");
		assertThat(beijing.locator("#recommendation-result")).containsText(Pattern.compile("京科众〔\\d{4}〕第\\d{3}号"));
		shot(beijing, "rec-journey-07-municipal-title-granted");

		beijing.click("#recommendation-fields >> text=朝阳区望京创客工场");
		assertThat(beijing.locator("#titles")).containsText("北京市众创空间");
		assertThat(beijing.locator("#titles")).containsText("市级");
		assertThat(beijing.locator("#institution-recommendations")).containsText("已接受");
		shot(beijing, "rec-journey-08-institution-both-titles");
	}

	@Test
	void seed003LiaoningRecommendsToTheMinistryAndNationalRecordsTheOutcome() {
		long hunnan = institution("沈阳浑南工业互联网专业化众创空间");
		Page province = signedIn("ln_province");
		province.navigate(url("/institutions/" + hunnan));
		assertThat(province.locator("#institution-titles")).containsText("省级");
		province.locator("#institution-titles >> text=推荐至上一级").click();
		assertThat(province.locator("#toLevel")).hasValue("NATIONAL");
		province.fill("#reasons", "聚焦工业互联网，开放龙头企业研发设施，已达到国家级专业化众创空间条件；依据四(一)推荐至科学技术部备案。");
		shot(province, "rec-journey-09-province-form");
		province.click("#recommendation-form button[type=submit]");
		assertThat(province.locator("#recommendation-number")).containsText("辽科推〔");
		assertThat(province.locator("#recommendation-to")).containsText("科学技术部");
		shot(province, "rec-journey-10-province-letter");
		String number = province.locator("#recommendation-number").textContent().strip();

		Page national = signedIn("national");
		national.click(".zc-sidebar >> text=推荐");
		assertThat(national.locator("#results")).containsText(number);
		national.click("#results >> text=" + number);
		assertThat(national.locator("#designation")).hasValue("国家级专业化众创空间备案");
		shot(national, "rec-journey-11-national-decides");
		national.click("#accept-form button[type=submit]");
		assertThat(national.locator("#recommendation-result")).containsText("国家级专业化众创空间备案");
		assertThat(national.locator("#recommendation-result")).containsText("国科众〔");
		shot(national, "rec-journey-12-national-title");

		national.navigate(url("/registry?q=沈阳浑南工业互联网&level=NATIONAL"));
		assertThat(national.locator("#results")).containsText("沈阳浑南工业互联网专业化众创空间");
		assertThat(national.locator("#results")).containsText("国家级");
		shot(national, "rec-journey-13-registry");
	}

	@Test
	void theNationalLevelRecordsAnExternalTitleWithItsScan() throws IOException {
		long base = institution("兰州星火众创空间（一号基地）");
		Path scan = Files.createTempFile("notice", ".pdf");
		Files.write(scan, ExternalTitleTests.PDF);
		Page national = signedIn("national");
		national.click(".zc-sidebar >> text=认定管理");
		national.click("#record-external");
		national.selectOption("#institutionId", String.valueOf(base));
		national.selectOption("#level", "NATIONAL");
		national.fill("#authority", "科学技术部");
		national.fill("#documentNumber", "国科火字〔2025〕66号");
		national.fill("#documentDate", "2025-11-03");
		national.fill("#designation", "国家备案众创空间");
		national.click("#external-form button[type=submit]");
		assertThat(national.locator("#evidence + .invalid-feedback")).containsText("扫描件");
		shot(national, "rec-journey-14-external-needs-scan");
		national.selectOption("#institutionId", String.valueOf(base));
		national.setInputFiles("#evidence", scan);
		national.click("#external-form button[type=submit]");
		assertThat(national.locator(".alert-success")).containsText("已登记外部认定");
		assertThat(national.locator("#titles")).containsText("外部认定");
		assertThat(national.locator("#titles")).containsText("国科火字〔2025〕66号");
		shot(national, "rec-journey-15-external-recorded");

		// the demo's 朝阳 base: a district title and an external national filing
		national.navigate(url("/institutions/" + institution(DemoTitles.CHAOYANG_BASE)));
		assertThat(national.locator("#titles")).containsText("国家备案众创空间");
		assertThat(national.locator("#titles")).containsText("区县级");
		shot(national, "rec-journey-16-demo-district-and-national");
		Files.deleteIfExists(scan);
	}

}
