package cn.zhongchuang.policy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 政策自查: anyone, without signing in, enters what they know of a space, a tenant enterprise
 * or a tenant's tax history and sees every criterion with its article, the figure found
 * and the figure required. The verdict is printable.
 */
@Controller
class SelfCheckController {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PolicyCatalog catalog;

	private final Clock clock;

	SelfCheckController(PolicyCatalog catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/self-check")
	String page(@RequestParam(required = false) String policy, @RequestParam(defaultValue = "space") String tab,
			Model model) {
		PolicyPack pack = (policy != null) ? this.catalog.latest(policy) : this.catalog.all().get(0);
		Map<String, String> defaults = Map.of("asOf", ChinaTime.today(this.clock).toString());
		return render(model, pack, tab, defaults, Map.of(), null, null);
	}

	@PostMapping("/self-check/{tab:space|tenant}")
	String check(@PathVariable String tab, @RequestParam String policy, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		PolicyPack latest = this.catalog.latest(policy);
		List<FactForm.Field> fields = "space".equals(tab) ? FactForm.space(latest.definition()) : FactForm.TENANT;
		try {
			ObjectNode facts = FactForm.toFacts(fields, form);
			LocalDate asOf = facts.has("asOf") ? LocalDate.parse(facts.get("asOf").asString())
					: ChinaTime.today(this.clock);
			PolicyPack pack = this.catalog.inForce(policy, asOf);
			Verdict verdict = PolicyApiController.evaluate(() -> "space".equals(tab)
					? pack.evaluateSpace(FactForm.compactFunds(facts)) : pack.evaluateTenant(facts));
			return render(model, pack, tab, form, Map.of(), verdict, htmx);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return render(model, latest, tab, form, ex.errors(), null, htmx);
		}
		catch (InvalidFactsException ex) {
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.putIfAbsent(e.field(), e.message()));
			return render(model, latest, tab, form, errors, null, htmx);
		}
	}

	@PostMapping("/self-check/exit")
	String exit(@RequestParam String policy, @RequestParam(defaultValue = "") String asOf,
			@RequestParam(defaultValue = "") String admittedOn, @RequestParam(defaultValue = "") String filings,
			Model model, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		PolicyPack latest = this.catalog.latest(policy);
		Map<String, String> form = Map.of("asOf", asOf, "admittedOn", admittedOn, "filings", filings);
		Map<String, String> errors = new LinkedHashMap<>();
		ObjectNode history = json.createObjectNode();
		LocalDate asOfDate = date(asOf, "asOf", errors, ChinaTime.today(this.clock));
		history.put("asOf", asOfDate.toString());
		LocalDate admitted = date(admittedOn, "admittedOn", errors, null);
		if (admitted == null && !errors.containsKey("admittedOn")) {
			errors.put("admittedOn", "请填写入孵日期");
		}
		else if (admitted != null) {
			history.put("admittedOn", admitted.toString());
		}
		history.set("filings", parseFilings(filings, errors));
		if (!errors.isEmpty()) {
			response.setStatus(422);
			return render(model, latest, "exit", form, errors, null, htmx);
		}
		try {
			PolicyPack pack = this.catalog.inForce(policy, asOfDate);
			ExitStatus status = PolicyApiController.evaluate(() -> pack.exitStatus(history));
			model.addAttribute("exitStatus", status);
			model.addAttribute("exitRule", pack.exitRule());
			return render(model, pack, "exit", form, Map.of(), null, htmx);
		}
		catch (FieldErrorException ex) {
			response.setStatus(422);
			return render(model, latest, "exit", form, ex.errors(), null, htmx);
		}
		catch (cn.zhongchuang.platform.NotFoundException ex) {
			response.setStatus(422);
			return render(model, latest, "exit", form, Map.of("policy", ex.publicDetail()), null, htmx);
		}
	}

	@GetMapping("/policies/{id}")
	String pack(@PathVariable String id, Model model) {
		PolicyPack pack = this.catalog.latest(id);
		model.addAttribute("pack", pack);
		model.addAttribute("definition", pack.definition());
		model.addAttribute("packs", this.catalog.all());
		return "policy/pack";
	}

	/**
	 * One filing a line: {@code 2025-01, 是, 1200} (month, filed, tax paid in 元); a month
	 * not listed had no filing.
	 */
	static ArrayNode parseFilings(String text, Map<String, String> errors) {
		ArrayNode filings = json.createArrayNode();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split("[,，\\s\\t]+");
			try {
				YearMonth period = YearMonth.parse(cells[0]);
				boolean filed = cells.length < 2 || List.of("是", "1", "true", "y", "Y", "已申报").contains(cells[1]);
				if (cells.length >= 2 && !filed && !List.of("否", "0", "false", "n", "N", "未申报").contains(cells[1])) {
					throw new IllegalArgumentException(cells[1]);
				}
				BigDecimal tax = (cells.length >= 3) ? new BigDecimal(cells[2]) : BigDecimal.ZERO;
				if (tax.signum() < 0) {
					throw new IllegalArgumentException(cells[2]);
				}
				ObjectNode filing = filings.addObject();
				filing.put("period", period.toString());
				filing.put("filed", filed);
				filing.put("taxPaidCny", tax);
			}
			catch (RuntimeException ex) {
				errors.putIfAbsent("filings", "第 " + (i + 1) + " 行无法识别：“" + line + "”。格式：2025-01, 是, 1200");
			}
		}
		return filings;
	}

	private static LocalDate date(String raw, String field, Map<String, String> errors, LocalDate fallback) {
		if (raw == null || raw.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(raw.strip());
		}
		catch (RuntimeException ex) {
			errors.put(field, "请输入真实日期，格式 YYYY-MM-DD");
			return fallback;
		}
	}

	private String render(Model model, PolicyPack pack, String tab, Map<String, String> values,
			Map<String, String> errors, Verdict verdict, String htmx) {
		model.addAttribute("packs", this.catalog.all());
		model.addAttribute("pack", pack);
		model.addAttribute("tab", tab);
		model.addAttribute("spaceFields", FactForm.space(pack.definition()));
		model.addAttribute("tenantFields", FactForm.TENANT);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("verdict", verdict);
		model.addAttribute("hasTenantCriteria",
				pack.definition().tenantCriteria() != null && !pack.definition().tenantCriteria().criteria().isEmpty());
		return (htmx != null) ? "policy/self-check :: work" : "policy/self-check";
	}

}
