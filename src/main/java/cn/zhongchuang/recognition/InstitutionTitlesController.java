package cn.zhongchuang.recognition;

import java.util.List;

import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The titles part of an institution's page (loaded by htmx into the institution module's
 * page): every title it holds or held, at every level, with its number, authority and
 * source (外部认定 with its document); its recommendations; and what the user may do from
 * here: recommend it upward from a title of the user's level, record an external title,
 * end a title without a pack.
 */
@Controller
class InstitutionTitlesController {

	private final Institutions institutions;

	private final Recognitions recognitions;

	private final RecognitionRecords records;

	private final Recommendations recommendations;

	private final ExternalTitles external;

	private final TitleLevels levels;

	InstitutionTitlesController(Institutions institutions, Recognitions recognitions, RecognitionRecords records,
			Recommendations recommendations, ExternalTitles external, TitleLevels levels) {
		this.institutions = institutions;
		this.recognitions = recognitions;
		this.records = records;
		this.recommendations = recommendations;
		this.external = external;
		this.levels = levels;
	}

	@GetMapping("/institutions/{id:\\d+}/titles")
	@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String titles(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionSummary institution = this.institutions.get(id, user);
		List<Recommendations.View> recs = this.recommendations.ofInstitution(id);
		List<Row> rows = this.records.ofInstitution(id).stream().map((r) -> {
			RecognitionView v = RecognitionView.of(r, this.recognitions);
			String next = this.levels.next(v.level(), institution.regionCode()).orElse(null);
			boolean recommend = v.active() && next != null && user.role().isGovernment()
					&& this.levels.actsAt(user, v.level(), institution.regionCode())
					&& recs.stream().noneMatch((x) -> x.open() && next.equals(x.toLevel()))
					&& this.records.activeAt(id, next).isEmpty();
			boolean end = v.active() && v.policyId() == null && user.role().isGovernment() && (v.external()
					? this.external.mayRecord(user) : this.levels.actsAt(user, v.level(), v.regionCode()));
			return new Row(v, recommend, end);
		}).toList();
		model.addAttribute("institutionId", id);
		model.addAttribute("titles", rows);
		model.addAttribute("recommendations", recs);
		model.addAttribute("government", user.role().isGovernment());
		model.addAttribute("mayRecordExternal", this.external.mayRecord(user));
		return "recognition/institution-titles :: titles";
	}

	/** A title with what the user may do with it. */
	record Row(RecognitionView t, boolean recommend, boolean end) {
	}

}
