package cn.zhongchuang.recognition;

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
 * source.
 */
@Controller
class InstitutionTitlesController {

	private final Institutions institutions;

	private final Recognitions recognitions;

	InstitutionTitlesController(Institutions institutions, Recognitions recognitions) {
		this.institutions = institutions;
		this.recognitions = recognitions;
	}

	@GetMapping("/institutions/{id:\\d+}/titles")
	@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String titles(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		this.institutions.get(id, user);
		model.addAttribute("titles", this.recognitions.ofInstitution(id));
		return "recognition/institution-titles :: titles";
	}

}
