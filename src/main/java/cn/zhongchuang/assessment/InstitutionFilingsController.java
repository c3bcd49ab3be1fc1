package cn.zhongchuang.assessment;

import java.util.List;

import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.recognition.Recognitions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The annual-filing part of an institution's page (loaded by htmx into the institution
 * module's page): the yearly reports filed under each of its titles.
 */
@Controller
class InstitutionFilingsController {

	private final Institutions institutions;

	private final Recognitions recognitions;

	private final JdbcClient jdbc;

	InstitutionFilingsController(Institutions institutions, Recognitions recognitions, JdbcClient jdbc) {
		this.institutions = institutions;
		this.recognitions = recognitions;
		this.jdbc = jdbc;
	}

	@GetMapping("/institutions/{id:\\d+}/filings")
	@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String filings(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		this.institutions.get(id, user);
		Long[] titles = this.recognitions.ofInstitution(id)
			.stream()
			.map(Recognitions.RecognitionSummary::id)
			.toArray(Long[]::new);
		List<Row> rows = this.jdbc.sql("""
				SELECT year, recognition_number, status, due_on, submitted_on, late FROM annual_filing
				WHERE recognition_id = ANY(:titles)
				ORDER BY year DESC, recognition_number
				""")
			.param("titles", titles)
			.query((rs, n) -> new Row(rs.getInt("year"), rs.getString("recognition_number"), rs.getString("status"),
					rs.getObject("due_on", java.time.LocalDate.class),
					rs.getObject("submitted_on", java.time.LocalDate.class), rs.getBoolean("late")))
			.list();
		model.addAttribute("filings", rows);
		return "assessment/institution-filings :: filings";
	}

	/** One yearly report under one title. */
	record Row(int year, String number, String status, java.time.LocalDate dueOn, java.time.LocalDate submittedOn,
			boolean late) {

		public boolean submitted() {
			return "SUBMITTED".equals(this.status);
		}

	}

}
