package cn.zhongchuang.operator;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListExport;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list and form of every kind of record, one controller for all: an operator keeps
 * their own organisation's records under {@code /operator/<kind>} (counselling under
 * {@code /operator/mentors/<id>/counselling}, investments under a fund); government users
 * read an organisation of their region under {@code /operators/<id>/<kind>}. A request
 * from htmx gets the fragment it replaces, any other the full page.
 */
@Controller
class RecordController {

	private static final String PAGE = "operator/records";

	private final OrganisationRegistry registry;

	private final OperatorRecords records;

	private final Regions regions;

	private final MessageSource messages;

	RecordController(OrganisationRegistry registry, OperatorRecords records, Regions regions, MessageSource messages) {
		this.registry = registry;
		this.records = records;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping({ "/operator/{kind:[a-z]+}", "/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}" })
	@PreAuthorize("hasRole('OPERATOR')")
	String list(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @RequestParam(required = false) String keyword,
			ListParams list, @RequestParam(required = false) Long institution,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		page(scope, keyword, list, institution, model);
		return (htmx != null) ? PAGE + " :: results" : PAGE;
	}

	/** 导出 Excel of the operator's own list as filtered and sorted. */
	@GetMapping({ "/operator/{kind:[a-z]+}/export.xlsx",
			"/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/export.xlsx" })
	@PreAuthorize("hasRole('OPERATOR')")
	void export(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @RequestParam(required = false) String keyword,
			ListParams list, @RequestParam(required = false) Long institution,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		export(mine(kind, parentKind, parentId, user), keyword, list, institution, response);
	}

	@GetMapping({ "/operator/{kind:[a-z]+}/new", "/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/new" })
	@PreAuthorize("hasRole('OPERATOR')")
	String newForm(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		editor(scope, null, null, null, Map.of(), model);
		if (htmx != null) {
			return PAGE + " :: editor";
		}
		page(scope, null, ListParams.none(), null, model);
		return PAGE;
	}

	@GetMapping({ "/operator/{kind:[a-z]+}/{id:\\d+}",
			"/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/{id:\\d+}" })
	@PreAuthorize("hasRole('OPERATOR')")
	String edit(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @PathVariable long id,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		OperatorRecord<?> existing = this.records.get(scope.kind(), scope.org(), id, parentId);
		editor(scope, existing, existing.data(), existing.placement(), Map.of(), model);
		if (htmx != null) {
			return PAGE + " :: editor";
		}
		page(scope, null, ListParams.none(), null, model);
		return PAGE;
	}

	@PostMapping({ "/operator/{kind:[a-z]+}", "/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}" })
	@PreAuthorize("hasRole('OPERATOR')")
	String create(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		return save(scope, null, null, request, response, model, redirect, htmx);
	}

	@PostMapping({ "/operator/{kind:[a-z]+}/{id:\\d+}",
			"/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/{id:\\d+}" })
	@PreAuthorize("hasRole('OPERATOR')")
	String update(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @PathVariable long id, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		return save(scope, id, version, request, response, model, redirect, htmx);
	}

	@PostMapping({ "/operator/{kind:[a-z]+}/{id:\\d+}/delete",
			"/operator/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/{id:\\d+}/delete" })
	@PreAuthorize("hasRole('OPERATOR')")
	String delete(@PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @PathVariable long id, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = mine(kind, parentKind, parentId, user);
		this.records.delete(scope.kind(), scope.org(), parentId, id, version);
		return done(scope, "已删除", model, redirect, htmx);
	}

	@GetMapping({ "/operators/{orgId:\\d+}/{kind:[a-z]+}",
			"/operators/{orgId:\\d+}/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}" })
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	String read(@PathVariable long orgId, @PathVariable String kind, @PathVariable(required = false) String parentKind,
			@PathVariable(required = false) Long parentId, @RequestParam(required = false) String keyword,
			ListParams list, @RequestParam(required = false) Long institution,
			@AuthenticationPrincipal CurrentUser user, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Scope scope = scope(this.registry.get(orgId, user), "/operators/" + orgId, kind, parentKind, parentId, true);
		page(scope, keyword, list, institution, model);
		return (htmx != null) ? PAGE + " :: results" : PAGE;
	}

	/** 导出 Excel of an organisation's list for a bureau of its region. */
	@GetMapping({ "/operators/{orgId:\\d+}/{kind:[a-z]+}/export.xlsx",
			"/operators/{orgId:\\d+}/{parentKind:[a-z]+}/{parentId:\\d+}/{kind:[a-z]+}/export.xlsx" })
	@PreAuthorize("hasAnyRole('COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'NATIONAL')")
	void exportRead(@PathVariable long orgId, @PathVariable String kind,
			@PathVariable(required = false) String parentKind, @PathVariable(required = false) Long parentId,
			@RequestParam(required = false) String keyword, ListParams list,
			@RequestParam(required = false) Long institution, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		export(scope(this.registry.get(orgId, user), "/operators/" + orgId, kind, parentKind, parentId, true), keyword,
				list, institution, response);
	}

	/**
	 * The listed columns (ISO dates, choices in words, 是/否) and the institutions each
	 * record serves.
	 */
	private <F extends Record & RecordData> void export(Scope scope, String keyword, ListParams list, Long institution,
			HttpServletResponse response) {
		@SuppressWarnings("unchecked")
		RecordKind<F> kind = (RecordKind<F>) scope.kind();
		Map<Long, String> names = institutionNames(scope);
		List<ListExport.Column<OperatorRecord<F>>> columns = new java.util.ArrayList<>();
		for (String field : kind.listed()) {
			columns.add(ListExport.column(m("operator." + kind.key() + "." + field),
					(OperatorRecord<F> r) -> cell(kind, field, RecordViews.value(r.data(), field))));
		}
		columns.add(ListExport.column(
				m(kind.perInstitution() ? "operator.record.institution" : "operator.record.assignedTo"),
				(OperatorRecord<F> r) -> RecordViews.serves(r.placement(), names)));
		ListExport.respond(response, m("operator.kind." + kind.key()), columns,
				this.records.export(kind, scope.org(), scope.parentId(), institution, keyword), list);
	}

	private Object cell(RecordKind<?> kind, String field, Object value) {
		if (value instanceof Enum<?> e) {
			return m("operator." + kind.key() + "." + field + "." + e.name());
		}
		if (value instanceof java.math.BigDecimal d) {
			return d.stripTrailingZeros().toPlainString();
		}
		return value;
	}

	private String m(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private <F extends Record & RecordData> String save(Scope scope, Long id, Integer version,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect,
			String htmx) {
		@SuppressWarnings("unchecked")
		RecordKind<F> kind = (RecordKind<F>) scope.kind();
		Validation v = new Validation();
		F data = FormReader.read(kind.type(), request::getParameter, v);
		OperatorRecord<F> existing = (id != null) ? this.records.get(kind, scope.org(), id, scope.parentId()) : null;
		Long institutionId = institutionId(request.getParameter("institutionId"));
		List<Long> assigned = assigned(request.getParameterValues("institutionIds"),
				request.getParameter("institutionIdsPresent") != null);
		OperatorRecord.Placement placement = new OperatorRecord.Placement(institutionId,
				(assigned != null) ? new java.util.HashSet<>(assigned) : null);
		try {
			placement = this.records.placement(kind, scope.org(), institutionId, assigned);
			if (!v.errors().isEmpty()) {
				// Report the other fields' mistakes too, not only the unreadable values.
				data.validate(v, this.regions);
				v.throwIfAny();
			}
			if (existing == null) {
				this.records.create(kind, scope.org(), scope.parentId(), data, placement);
			}
			else {
				this.records.update(kind, scope.org(), scope.parentId(), id, version, data, placement);
			}
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			Map<String, String> errors = new java.util.LinkedHashMap<>(v.errors());
			ex.errors().forEach(errors::putIfAbsent);
			editor(scope, existing, data, placement, errors, model);
			if (htmx != null) {
				return PAGE + " :: editor";
			}
			page(scope, null, ListParams.none(), null, model);
			return PAGE;
		}
		return done(scope, "已保存", model, redirect, htmx);
	}

	/**
	 * After a change: htmx gets the closed editor and the refreshed list, a browser a
	 * redirect.
	 */
	private String done(Scope scope, String message, Model model, RedirectAttributes redirect, String htmx) {
		if (htmx == null) {
			redirect.addFlashAttribute("toast", message);
			return "redirect:" + scope.path();
		}
		model.addAttribute("saved", message);
		model.addAttribute("oob", true);
		page(scope, null, ListParams.none(), null, model);
		return PAGE + " :: saved";
	}

	private static Long institutionId(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(raw.strip());
		}
		catch (NumberFormatException ex) {
			throw new FieldErrorException("institutionId", "请选择所属载体");
		}
	}

	/**
	 * The institutions ticked on the form; null when the form had no such choice (an
	 * operator running one institution), so that the record goes to that one.
	 */
	private static List<Long> assigned(String[] raw, boolean present) {
		if (raw == null) {
			return present ? List.of() : null;
		}
		List<Long> ids = new java.util.ArrayList<>();
		for (String r : raw) {
			Long id = institutionId(r);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	private Scope mine(String kind, String parentKind, Long parentId, CurrentUser user) {
		return scope(this.registry.requireMine(user), "/operator", kind, parentKind, parentId, false);
	}

	/** The kind within the organisation, checked against the parent in the path. */
	private Scope scope(Organisation org, String base, String key, String parentKey, Long parentId, boolean readOnly) {
		RecordKind<?> kind = RecordKind.of(key);
		String parentTitle = null;
		if (kind.parent() != null) {
			if (parentId == null || !kind.parent().key().equals(parentKey)) {
				throw new NotFoundException(key + " without its parent");
			}
			parentTitle = this.records.get(kind.parent(), org, parentId, null).data().title();
		}
		else if (parentKey != null) {
			throw new NotFoundException(key + " under " + parentKey);
		}
		String parentPath = (kind.parent() != null) ? base + "/" + kind.parent().key() : null;
		String path = (kind.parent() != null) ? parentPath + "/" + parentId + "/" + key : base + "/" + key;
		return new Scope(org, kind, parentId, parentTitle, parentPath, base, path, readOnly);
	}

	private <F extends Record & RecordData> void page(Scope scope, String keyword, ListParams list, Long institution,
			Model model) {
		@SuppressWarnings("unchecked")
		RecordKind<F> kind = (RecordKind<F>) scope.kind();
		Map<Long, Long> children = this.records.childCounts(kind, scope.org());
		Map<Long, String> names = institutionNames(scope);
		this.records.list(kind, scope.org(), scope.parentId(), institution, keyword, list)
			.map((r) -> RecordViews.row(kind, r, children, names))
			.addTo(model);
		model.addAttribute("sortable", kind.listed().stream().filter((f) -> !kind.isLongText(f)).toList());
		model.addAttribute("dateLabel", "operator." + kind.key() + "." + kind.listSpec().defaultSort());
		model.addAttribute("keyword", keyword);
		model.addAttribute("institution", institution);
		common(scope, model);
	}

	private void editor(Scope scope, OperatorRecord<?> existing, Record data, OperatorRecord.Placement placement,
			Map<String, String> errors, Model model) {
		model.addAttribute("fields", RecordViews.fields(scope.kind(), data));
		model.addAttribute("editing", (existing != null) ? new Editing(existing.id(), existing.version()) : null);
		model.addAttribute("errors", errors);
		model.addAttribute("placement", (placement != null) ? placement : new OperatorRecord.Placement(null, null));
		common(scope, model);
	}

	private Map<Long, String> institutionNames(Scope scope) {
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		this.records.institutions(scope.org()).forEach((i) -> names.put(i.id(), i.name()));
		return names;
	}

	private void common(Scope scope, Model model) {
		model.addAttribute("kind", scope.kind().key());
		model.addAttribute("path", scope.path());
		model.addAttribute("base", scope.base());
		model.addAttribute("readOnly", scope.readOnly());
		model.addAttribute("parentKind", (scope.kind().parent() != null) ? scope.kind().parent().key() : null);
		model.addAttribute("parentPath", scope.parentPath());
		model.addAttribute("parentTitle", scope.parentTitle());
		model.addAttribute("listed", scope.kind().listed());
		model.addAttribute("child", (scope.kind().child() != null) ? scope.kind().child().key() : null);
		model.addAttribute("org", OrganisationView.of(scope.org(), this.regions.fullName(scope.org().regionCode())));
		model.addAttribute("myRegion", scope.org().regionCode());
		model.addAttribute("institutions", this.records.institutions(scope.org()));
		model.addAttribute("perInstitution", scope.kind().perInstitution());
	}

	/**
	 * Where a list lives: the organisation, the kind, the parent record (title and list
	 * path) when it hangs under one, the organisation's base path and the list's own
	 * path.
	 */
	record Scope(Organisation org, RecordKind<?> kind, Long parentId, String parentTitle, String parentPath,
			String base, String path, boolean readOnly) {
	}

	/** The record the open form edits. */
	record Editing(long id, int version) {
	}

}
