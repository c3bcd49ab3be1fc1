package cn.zhongchuang.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhongchuang.BrowserTest;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo role walks its menu in Chromium at 1366×768: no page shows a fact path, an
 * enum name or an ISO date in its visible text (inputs aside), and none scrolls sideways.
 * A visitor finds the public services on the portal.
 */
class ReadablePagesBrowserTests extends BrowserTest {

	static final Pattern FACT_PATH = Pattern.compile(
			"\\b(?:operator|space|tenants|services|institution|funds|mentors|staff|events|applicant|investment|counselling|premises|team|teams|graduates|finance|filing|assessment)\\.[a-z][A-Za-z]+");

	static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{3,}(?:_[A-Z0-9]+)*\\b");

	static final Set<String> ABBREVIATIONS = Set.of("API", "PDF", "CSV", "XLSX", "TOTP", "URL", "JSON", "SMTP", "CSRF",
			"HTTP", "HTTPS", "CNY", "GET", "POST", "SM4", "WPS", "OFL", "SIL", "QR", "YAML", "UTF", "GBK", "YYYY",
			"SHA", "SM3", "IP");

	static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	static final String VISIBLE_TEXT = """
			() => {
			  const clone = document.querySelector('main') || document.body;
			  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT, {
			    acceptNode(n) {
			      const el = n.parentElement;
			      if (!el || el.closest('input, textarea, select, script, style, code, [hidden], .visually-hidden, template')) return NodeFilter.FILTER_REJECT;
			      const s = getComputedStyle(el);
			      if (s.display === 'none' || s.visibility === 'hidden') return NodeFilter.FILTER_REJECT;
			      return NodeFilter.FILTER_ACCEPT;
			    }
			  });
			  const parts = [];
			  while (walker.nextNode()) parts.push(walker.currentNode.textContent);
			  return parts.join(' ');
			}""";

	static final List<String> ROLES = List.of("admin", "auditor", "cy_operator", "cy_bureau", "cy_expert", "bj_city",
			"lz_operator", "lz_county", "lz_bureau", "ln_city", "ln_province", "national");

	@Test
	void aVisitorFindsThePublicServicesOnThePortal() {
		Page page = newPage();
		page.navigate(url("/"));
		assertThat(page.locator("#portal a").allTextContents()).anyMatch((t) -> t.contains("政策自查"))
			.anyMatch((t) -> t.contains("认定公示"))
			.anyMatch((t) -> t.contains("认定名录"))
			.anyMatch((t) -> t.contains("证书验证"))
			.anyMatch((t) -> t.contains("考核结果"))
			.anyMatch((t) -> t.contains("统计"))
			.anyMatch((t) -> t.contains("开放接口"))
			.anyMatch((t) -> t.contains("工作人员登录"));
		assertThat(page.context().cookies()).noneMatch((c) -> c.name.contains("SESSION"));
		shot(page, "portal-01");
		page.click("#portal-verify");
		page.fill("#code", url("/verify/AAAAAAAAAAAA"));
		page.click("button[type=submit]:has-text('验证')");
		assertThat(page.locator("#verify-result").textContent()).contains("不存在");
		shot(page, "portal-02-verify-url");
		page.navigate(url("/open-api"));
		shot(page, "portal-03-open-api");
		page.close();
	}

	@Test
	void theDecisionDialogNamesTheDecisionAndMoneyActionsAskFirst() {
		Page page = newPage();
		List<String> dialogs = new ArrayList<>();
		// dismissed: nothing is decided or paid by this test
		page.onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		page.navigate(url("/login"));
		page.fill("#username", "lz_county");
		page.fill("#password", DEMO_PASSWORD);
		page.click("button[type=submit]");
		page.waitForURL((u) -> !u.contains("/login"));
		page.navigate(url("/applications"));
		@SuppressWarnings("unchecked")
		List<String> details = (List<String>) page.locator("main a[href^='/applications/']")
			.evaluateAll("as => as.map(a => a.getAttribute('href')).filter(h => /^\\/applications\\/\\d+$/.test(h))");
		String decided = null;
		for (String detail : details) {
			page.navigate(url(detail));
			if (page.locator("#decision-form").count() > 0) {
				decided = detail;
				break;
			}
		}
		assertThat(decided).as("an application waiting for the county").isNotNull();
		page.check("#d-approve");
		page.click("#decide");
		// the dialog names the decision and what follows: the county passes it on to the
		// city's stage
		assertThat(dialogs).last()
			.asString()
			.contains("通过")
			.contains("不能撤销")
			.containsPattern("申请转入「[^」]+」环节继续审查")
			.doesNotContain("{decision}", "{next}");
		if (page.locator("#d-return").count() > 0) {
			page.check("#d-return");
			page.click("#decide");
			assertThat(dialogs).last().asString().contains("退回").contains("补正后重新提交");
		}
		if (page.locator("#d-reject").count() > 0) {
			page.check("#d-reject");
			page.click("#decide");
			assertThat(dialogs).last().asString().contains("不予通过").contains("申请终止");
		}
		// the dismissed dialog left the application where it was
		assertThat(page.locator("#decision-form").count()).isEqualTo(1);
		page.close();

		Page bureau = newPage();
		bureau.onDialog((dialog) -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		bureau.navigate(url("/login"));
		bureau.fill("#username", "lz_bureau");
		bureau.fill("#password", DEMO_PASSWORD);
		bureau.click("button[type=submit]");
		bureau.waitForURL((u) -> !u.contains("/login"));
		bureau.navigate(url("/bureau/subsidies"));
		@SuppressWarnings("unchecked")
		List<String> programmes = (List<String>) bureau.locator("a[href^='/bureau/subsidies/']")
			.evaluateAll(
					"as => as.map(a => a.getAttribute('href')).filter(h => /^\\/bureau\\/subsidies\\/\\d+$/.test(h))");
		boolean asked = false;
		for (String programme : programmes) {
			bureau.navigate(url(programme));
			if (bureau.locator("form.disburse button").count() > 0) {
				bureau.locator("form.disburse button").first().click();
				assertThat(dialogs).last().asString().contains("发放").contains("元").contains("不能撤销");
				asked = true;
				break;
			}
		}
		assertThat(asked).as("a Lanzhou award waiting for payment").isTrue();
		bureau.close();
	}

	@Test
	void aRefusedPageIsAChinesePageWithAWayBack() {
		Page page = signedIn("cy_operator");
		page.navigate(url("/admin/users"));
		assertThat(page.locator("#error-page").textContent()).contains("无权访问").contains("返回首页");
		page.navigate(url("/no-such-page"));
		assertThat(page.locator("#error-page").textContent()).contains("未找到");
		page.close();
	}

	@Test
	void everyMenuPageOfEveryRoleReadsInWordsAndFitsTheScreen() {
		List<String> problems = new ArrayList<>();
		for (String role : ROLES) {
			Page page = signedIn(role);
			@SuppressWarnings("unchecked")
			List<String> hrefs = (List<String>) page.locator(".zc-sidebar a")
				.evaluateAll("as => as.map(a => a.getAttribute('href'))"
						+ ".filter(h => h && h.startsWith('/') && !h.startsWith('/swagger'))");
			Set<String> links = new LinkedHashSet<>(hrefs);
			links.add("/");
			for (String link : links) {
				page.navigate(url(link));
				page.waitForLoadState();
				problems.addAll(check(page, role + " " + link));
			}
			page.close();
		}
		assertThat(problems).isEmpty();
	}

	static List<String> check(Page page, String where) {
		List<String> problems = new ArrayList<>();
		String text = (String) page.evaluate(VISIBLE_TEXT);
		find(FACT_PATH, text, where, "fact path", problems, Set.of());
		find(ENUM_NAME, text, where, "enum name", problems, ABBREVIATIONS);
		find(ISO_DATE, text, where, "ISO date", problems, Set.of());
		Object wide = page
			.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		if (((Number) wide).intValue() > 0) {
			problems.add(where + ": scrolls sideways by " + wide + " px");
		}
		return problems;
	}

	static void find(Pattern pattern, String text, String where, String kind, List<String> problems,
			Set<String> allowed) {
		Matcher m = pattern.matcher(text);
		Set<String> seen = new LinkedHashSet<>();
		while (m.find()) {
			if (!allowed.contains(m.group())) {
				seen.add(m.group());
			}
		}
		if (!seen.isEmpty()) {
			problems.add(where + ": " + kind + " " + seen);
		}
	}

}
