package cn.zhongchuang.cluster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 众创集聚区 pages: the list, the registration by the cluster's operator, the detail with
 * members, service providers and the recognition, and the authority's decisions.
 */
@Controller
@RequestMapping("/clusters")
@PreAuthorize(ClusterController.ROLES)
class ClusterController {

	static final String ROLES = "hasAnyRole('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')";

	private final ClusterService clusters;

	private final MessageSource messages;

	ClusterController(ClusterService clusters, MessageSource messages) {
		this.clusters = clusters;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, ListParams list, @AuthenticationPrincipal CurrentUser user,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		ClusterStatus s = parse(status);
		model.addAttribute("region", region);
		model.addAttribute("q", q);
		model.addAttribute("status", (s != null) ? s.name() : null);
		model.addAttribute("statuses", ClusterStatus.values());
		model.addAttribute("scope", user.regionCode());
		model.addAttribute("operator", user.role() == Role.OPERATOR);
		var page = this.clusters.list(user, region, q, s).page(list);
		var names = this.clusters.institutionsOf(page.results().items());
		page.map((c) -> ClusterView.of(c, this.clusters.regionName(c.regionCode()), names)).addTo(model);
		return (htmx != null) ? "cluster/list :: results" : "cluster/list";
	}

	/** 导出 Excel: every row the filters leave, in the order of the page (dates ISO). */
	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String region, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, ListParams list, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		ListExport.respond(response, "众创集聚区", List.of(ListExport.column("集聚区名称", Cluster::name),
				ListExport.column("所在地区", (Cluster c) -> this.clusters.regionName(c.regionCode())),
				ListExport.column("成员载体", (Cluster c) -> c.members().size()),
				ListExport.column("服务机构", (Cluster c) -> c.providers().size()),
				ListExport.column("状态", (Cluster c) -> statusName(c.status())),
				ListExport.column("认定编号", Cluster::number), ListExport.column("认定日期", Cluster::recognizedOn),
				ListExport.column("认定机关", Cluster::authority), ListExport.column("登记时间", Cluster::registeredAt)),
				this.clusters.list(user, region, q, parse(status)), list);
	}

	private String statusName(ClusterStatus status) {
		return this.messages.getMessage("cluster.status." + status.name(), null, status.name(),
				java.util.Locale.SIMPLIFIED_CHINESE);
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OPERATOR')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(null, List.of(), List.of(), Map.of(), user, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OPERATOR')")
	String register(@RequestParam(required = false) String institutionId,
			@RequestParam(name = "memberId", required = false) List<String> memberIds,
			@RequestParam(name = "providerName", required = false) List<String> names,
			@RequestParam(name = "providerCreditCode", required = false) List<String> codes,
			@RequestParam(name = "providerKind", required = false) List<String> kinds,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Long institution = id(institutionId);
		List<Long> members = new ArrayList<>();
		if (memberIds != null) {
			memberIds.stream().map(ClusterController::id).filter((m) -> m != null).forEach(members::add);
		}
		List<ClusterService.ProviderForm> providers = providers(names, codes, kinds);
		try {
			Cluster c = this.clusters.register(institution, members, providers, user);
			redirect.addFlashAttribute("toast",
					"已登记众创集聚区「" + c.name() + "」，等待" + this.clusters.authorityName(c.authorityRegion()) + "认定");
			return "redirect:/clusters/" + c.id();
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return form(institution, members, providers, ex.errors(), user, model);
		}
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return detail(this.clusters.get(id, user), Map.of(), user, model);
	}

	@PostMapping("/{id:\\d+}/members")
	@PreAuthorize("hasRole('OPERATOR')")
	String addMember(@PathVariable long id, @RequestParam(required = false) String memberId,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.clusters.addMember(id, id(memberId), user);
			redirect.addFlashAttribute("toast", "已增加成员载体");
			return "redirect:/clusters/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.clusters.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/providers")
	@PreAuthorize("hasRole('OPERATOR')")
	String addProvider(@PathVariable long id, @RequestParam(required = false) String providerName,
			@RequestParam(required = false) String providerCreditCode,
			@RequestParam(required = false) String providerKind, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.clusters.addProvider(id,
					new ClusterService.ProviderForm(providerName, providerCreditCode, providerKind), user);
			redirect.addFlashAttribute("toast", "已增加服务机构「" + providerName + "」");
			return "redirect:/clusters/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.clusters.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/recognize")
	String recognize(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recognizedOn,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Cluster c = this.clusters.recognize(id, version, number, recognizedOn, confirm, user);
			redirect.addFlashAttribute("toast", "已认定「" + c.name() + "」为众创集聚区，编号 " + c.number());
			return "redirect:/clusters/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.clusters.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/refuse")
	String refuse(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Cluster c = this.clusters.refuse(id, version, reason, confirm, user);
			redirect.addFlashAttribute("toast", "已不予认定「" + c.name() + "」");
			return "redirect:/clusters/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.clusters.get(id, user), ex.errors(), user, model);
		}
	}

	@PostMapping("/{id:\\d+}/revoke")
	String revoke(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Cluster c = this.clusters.revoke(id, version, reason, confirm, user);
			redirect.addFlashAttribute("toast", "已撤销「" + c.name() + "」的众创集聚区认定");
			return "redirect:/clusters/" + id;
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return detail(this.clusters.get(id, user), ex.errors(), user, model);
		}
	}

	private String detail(Cluster c, Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("v",
				ClusterView.of(c, this.clusters.regionName(c.regionCode()), this.clusters.institutionsOf(List.of(c))));
		model.addAttribute("decides", this.clusters.decides(c, user));
		boolean owns = this.clusters.owns(c, user);
		model.addAttribute("owns", owns);
		model.addAttribute("candidates", owns ? this.clusters.memberCandidates(user) : List.of());
		model.addAttribute("kinds", Cluster.ServiceKind.values());
		model.addAttribute("authorityName", this.clusters.authorityName(c.authorityRegion()));
		model.addAttribute("today", this.clusters.today());
		model.addAttribute("errors", errors);
		return "cluster/detail";
	}

	private String form(Long institutionId, List<Long> members, List<ClusterService.ProviderForm> providers,
			Map<String, String> errors, CurrentUser user, Model model) {
		model.addAttribute("institutionId", institutionId);
		List<Long> m = new ArrayList<>(members);
		while (m.size() < 5) {
			m.add(null);
		}
		List<ClusterService.ProviderForm> p = new ArrayList<>(providers);
		while (p.size() < 3) {
			p.add(new ClusterService.ProviderForm(null, null, null));
		}
		model.addAttribute("members", m);
		model.addAttribute("providers", p);
		model.addAttribute("own", this.clusters.ownClusterInstitutions(user));
		model.addAttribute("candidates", this.clusters.memberCandidates(user));
		model.addAttribute("kinds", Cluster.ServiceKind.values());
		model.addAttribute("errors", errors);
		return "cluster/form";
	}

	private static List<ClusterService.ProviderForm> providers(List<String> names, List<String> codes,
			List<String> kinds) {
		int n = Math.max(size(names), Math.max(size(codes), size(kinds)));
		List<ClusterService.ProviderForm> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(new ClusterService.ProviderForm(at(names, i), at(codes, i), at(kinds, i)));
		}
		return out;
	}

	private static int size(List<String> l) {
		return (l != null) ? l.size() : 0;
	}

	private static String at(List<String> l, int i) {
		return (l != null && i < l.size()) ? l.get(i) : null;
	}

	static Long id(String value) {
		return (value == null || !value.strip().matches("\\d{1,18}")) ? null : Long.valueOf(value.strip());
	}

	private static ClusterStatus parse(String status) {
		try {
			return (status == null || status.isBlank()) ? null : ClusterStatus.valueOf(status.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
