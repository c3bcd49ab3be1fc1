package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Xlsx;
import cn.zhongchuang.policy.PackDefinition;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 导出 Excel for the bureau: the filing list of a year (with the page's filters, the late
 * flag and every figure) and one round's results (every indicator, total, grade). Scoped
 * like the pages.
 */
@Controller
@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE')")
class AssessmentExports {

	private final AnnualFilings filings;

	private final Assessments assessments;

	private final MessageSource messages;

	private final Clock clock;

	AssessmentExports(AnnualFilings filings, Assessments assessments, MessageSource messages, Clock clock) {
		this.filings = filings;
		this.assessments = assessments;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/bureau/filings/export.xlsx")
	void filings(FilingQuery query, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		int year = query.yearOr(ChinaTime.today(this.clock));
		List<String> headers = new ArrayList<>(List.of(m("export.col.number"), m("export.col.institution"),
				m("export.col.operator"), m("export.col.creditCode"), m("export.col.region"), m("export.col.year"),
				m("export.col.due"), m("export.col.filingState"), m("export.col.submittedOn"), m("export.col.late")));
		AnnualFilings.FIGURES.forEach((f) -> headers.add(f.label()));
		List<List<String>> rows = new ArrayList<>();
		for (AnnualFilings.Row r : query.apply(this.filings.forBureau(user, year))) {
			List<String> row = new ArrayList<>(List.of(r.recognition().number(), r.recognition().name(),
					r.recognition().operator(), r.recognition().creditCode(), r.recognition().regionCode(),
					String.valueOf(year), String.valueOf(r.due().date()), m("annual.state." + r.state()),
					(r.filing() != null && r.filing().submitted()) ? String.valueOf(r.filing().submittedOn()) : "",
					yesNo(r.late())));
			for (AnnualFilings.FigureDef def : AnnualFilings.FIGURES) {
				Filing.Figure f = (r.filing() != null) ? r.filing().figure(def.code()) : null;
				row.add((f != null) ? plain(f.value()) : "");
			}
			rows.add(row);
		}
		Xlsx.respond(response, m("export.sheet.filings") + "-" + year + ".xlsx", m("export.sheet.filings"), headers,
				rows);
	}

	@GetMapping("/bureau/assessments/{id}/export.xlsx")
	void round(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		AssessmentRound round = this.assessments.round(id, user);
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		List<PackDefinition.Indicator> indicators = (a != null) ? a.indicators() : List.of();
		List<String> headers = new ArrayList<>(List.of(m("export.col.number"), m("export.col.institution"),
				m("export.col.operator"), m("export.col.creditCode"), m("export.col.region")));
		indicators.forEach((i) -> headers.add(i.name() + "（" + i.maxScore() + "）"));
		headers.addAll(List.of(m("export.col.total"), m("export.col.grade"), m("export.col.lapsed")));
		List<List<String>> rows = new ArrayList<>();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			List<String> row = new ArrayList<>(List.of(r.recognitionNumber(), r.institutionName(), r.operatorName(),
					r.creditCode(), r.regionCode()));
			indicators.forEach((i) -> row.add(plain(r.scores().get(i.code()))));
			row.addAll(List.of(plain(r.total()),
					(r.grade() != null) ? ((a != null) ? a.labelOf(r.grade()) : r.grade()) : "", yesNo(r.lapsed())));
			rows.add(row);
		}
		Xlsx.respond(response, m("export.sheet.round") + "-" + round.year() + "-" + round.id() + ".xlsx",
				m("export.sheet.round"), headers, rows);
	}

	private String yesNo(boolean b) {
		return m(b ? "export.yes" : "export.no");
	}

	private static String plain(BigDecimal v) {
		return (v != null) ? v.stripTrailingZeros().toPlainString() : "";
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
