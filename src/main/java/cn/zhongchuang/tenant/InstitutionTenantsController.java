package cn.zhongchuang.tenant;

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
 * The tenants part of an institution's page (loaded by htmx into the institution module's
 * page): how many are in incubation, graduated and gone, and the latest admitted.
 */
@Controller
class InstitutionTenantsController {

	private final Institutions institutions;

	private final TenantRepository tenants;

	InstitutionTenantsController(Institutions institutions, TenantRepository tenants) {
		this.institutions = institutions;
		this.tenants = tenants;
	}

	@GetMapping("/institutions/{id:\\d+}/tenants")
	@PreAuthorize("hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String tenants(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InstitutionSummary institution = this.institutions.get(id, user);
		List<Tenant> all = this.tenants.ofInstitution(id);
		model.addAttribute("institution", institution);
		model.addAttribute("active", all.stream().filter(Tenant::active).count());
		model.addAttribute("graduated", all.stream().filter((t) -> t.status() == TenantStatus.GRADUATED).count());
		model.addAttribute("exited", all.stream().filter((t) -> t.status() == TenantStatus.EXITED).count());
		model.addAttribute("teams", all.stream().filter((t) -> t.active() && t.team()).count());
		model.addAttribute("registeredTeams", all.stream().filter(Tenant::registeredFromTeam).count());
		model.addAttribute("latest",
				all.stream()
					.filter(Tenant::active)
					.sorted((a, b) -> b.admittedOn().compareTo(a.admittedOn()))
					.limit(10)
					.toList());
		return "tenant/institution-tenants :: tenants";
	}

}
