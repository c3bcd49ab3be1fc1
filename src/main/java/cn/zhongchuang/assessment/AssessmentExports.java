package cn.zhongchuang.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.policy.PackDefinition;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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
	void filings(FilingQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		int year = query.yearOr(ChinaTime.today(this.clock));
		List<ListExport.Column<AnnualFilings.Row>> columns = new ArrayList<>(List.of(
				ListExport.column(m("export.col.number"), (AnnualFilings.Row r) -> r.recognition().number()),
				ListExport.column(m("export.col.institution"), (AnnualFilings.Row r) -> r.recognition().name()),
				ListExport.column(m("export.col.operator"), (AnnualFilings.Row r) -> r.recognition().operator()),
				ListExport.column(m("export.col.creditCode"), (AnnualFilings.Row r) -> r.recognition().creditCode()),
				ListExport.column(m("export.col.region"),
						(AnnualFilings.Row r) -> this.assessments.regionName(r.recognition().regionCode())),
				ListExport.column(m("export.col.year"), (AnnualFilings.Row r) -> year),
				ListExport.column(m("export.col.due"), (AnnualFilings.Row r) -> r.due().date()),
				ListExport.column(m("export.col.filingState"), (AnnualFilings.Row r) -> m("annual.state." + r.state())),
				ListExport.column(m("export.col.submittedOn"), FilingQuery::submittedOn),
				ListExport.column(m("export.col.late"), (AnnualFilings.Row r) -> yesNo(r.late()))));
		for (AnnualFilings.FigureDef def : AnnualFilings.FIGURES) {
			columns.add(ListExport.column(def.label(), (AnnualFilings.Row r) -> {
				Filing.Figure f = (r.filing() != null) ? r.filing().figure(def.code()) : null;
				return (f != null) ? plain(f.value()) : "";
			}));
		}
		ListExport.respond(response, m("export.sheet.filings") + "-" + year, columns,
				FilingQuery.list(query.apply(this.filings.forBureau(user, year))), list);
	}

	/** The round's results as its page lists them (keyword, sort), every indicator. */
	@GetMapping("/bureau/assessments/{id}/export.xlsx")
	void round(@PathVariable long id, @RequestParam(required = false) String q, ListParams list,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		AssessmentRound round = this.assessments.round(id, user);
		PackDefinition.Assessment a = this.assessments.definition(round.policyId()).assessment();
		List<PackDefinition.Indicator> indicators = (a != null) ? a.indicators() : List.of();
		List<ListExport.Column<AssessmentResult>> columns = new ArrayList<>(
				List.of(ListExport.column(m("export.col.number"), AssessmentResult::recognitionNumber),
						ListExport.column(m("export.col.institution"), AssessmentResult::institutionName),
						ListExport.column(m("export.col.operator"), AssessmentResult::operatorName),
						ListExport.column(m("export.col.creditCode"), AssessmentResult::creditCode),
						ListExport.column(m("export.col.region"),
								(AssessmentResult r) -> this.assessments.regionName(r.regionCode()))));
		indicators.forEach((i) -> columns.add(ListExport.column(i.name() + "（" + i.maxScore() + "）",
				(AssessmentResult r) -> plain(r.scores().get(i.code())))));
		columns.add(ListExport.column(m("export.col.total"), (AssessmentResult r) -> plain(r.total())));
		columns.add(ListExport.column(m("export.col.grade"),
				(AssessmentResult r) -> (r.grade() != null) ? ((a != null) ? a.labelOf(r.grade()) : r.grade()) : ""));
		columns.add(ListExport.column(m("export.col.lapsed"), (AssessmentResult r) -> yesNo(r.lapsed())));
		ListExport.respond(response, m("export.sheet.round") + "-" + round.year() + "-" + round.id(), columns,
				AssessmentController.resultList(this.assessments.results(round.id()), q), list);
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
